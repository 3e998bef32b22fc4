import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeCsvBytes } from "@/components/import/read-csv";
import { createTestIndicator, fingerprint, request, type Callers, createRouteTestbed } from "../../testing/editor-fixtures";
import type { TestDatabase } from "../../testing/test-database";
import { guessMapping, guessRowFilters } from "./fields";
import { parseCsv } from "./validate-rows";

// Files as NGOs have them: a Spanish Excel file (semicolons, decimal commas, DD/MM/YYYY, Windows-1252),
// and the layouts of Our World in Data and UNODC, whose indicator, producer and source are the same in every row.

let database: TestDatabase;
let callers: Callers;
let importRoute: typeof import("@/app/api/editor/imports/route");
let previewRoute: typeof import("@/app/api/editor/imports/preview/route");

beforeAll(async () => {
  ({ database, callers } = await createRouteTestbed());
  await createTestIndicator(database.db, "homicide_rate");
  await createTestIndicator(database.db, "soe_arrests_cumulative");
  importRoute = await import("@/app/api/editor/imports/route");
  previewRoute = await import("@/app/api/editor/imports/preview/route");
});
afterAll(() => database.drop());

/** A fixture as the import page sends it: its bytes decoded as the browser does. */
const fixture = (name: string) => decodeCsvBytes(readFileSync(path.join(import.meta.dirname, "../../testing/fixtures", name))).text;

const preview = async (body: unknown) => {
  const response = await previewRoute.POST(request("POST", "/api/editor/imports/preview", callers.editor, body));
  expect(response.status).toBe(200);
  return (await response.json()).data;
};

async function draftsFrom(producer: string) {
  const rows = await database.db.observation.findMany({
    where: { producer: { name: producer } },
    select: {
      value: true,
      asOf: true,
      datePrecision: true,
      status: true,
      indicator: { select: { slug: true } },
      source: { select: { url: true, publisher: true } },
    },
    orderBy: [{ asOf: "asc" }, { value: "asc" }],
  });
  return rows.map((row) => ({
    slug: row.indicator.slug,
    value: row.value.toString(),
    asOf: row.asOf.toISOString().slice(0, 10),
    precision: row.datePrecision,
    status: row.status,
    source: row.source.url,
    publisher: row.source.publisher,
  }));
}

describe("a Spanish spreadsheet: Windows-1252, semicolons, decimal commas, DD/MM/YYYY", () => {
  const csv = fixture("import-es-semicolon-windows-1252.csv");
  const { columns } = parseCsv(csv, ";");
  const body = { csv, mapping: guessMapping(columns), options: { delimiter: ";", numberFormat: "decimal_comma", dateFormat: "dmy" } };

  it("read without its options, it is one column and no row reads", async () => {
    const summary = await preview({ csv, mapping: guessMapping(columns) });
    expect(summary.valid).toBe(0);
    expect(summary.errors[0]).toMatchObject({ row: 1, code: "missing_column" });
  });

  it("is checked and imported with its accents, values and dates right", async () => {
    expect(columns).toEqual(["indicador", "valor", "fecha", "productor", "tipo de productor", "url", "medio"]);
    const summary = await preview(body);
    expect(summary).toMatchObject({ totalRows: 5, valid: 5, errorCount: 0 });

    const response = await importRoute.POST(request("POST", "/api/editor/imports", callers.editor, { ...body, fileName: "cifras.csv" }));
    expect(response.status).toBe(201);
    expect((await response.json()).data).toMatchObject({ created: 5 });
    expect(await draftsFrom("Fundación Cristosal")).toEqual([
      expect.objectContaining({ slug: "homicide_rate", value: "2.3", asOf: "2024-01-01", precision: "year", status: "draft" }),
      expect.objectContaining({ slug: "soe_arrests_cumulative", value: "1234.5", asOf: "2024-03-01", precision: "month" }),
      expect.objectContaining({
        slug: "homicide_rate",
        value: "1.8",
        asOf: "2025-03-15",
        precision: "day",
        publisher: "Fundación Cristosal",
      }),
    ]);
    expect(await draftsFrom("Socorro Jurídico Humanitario")).toEqual([
      expect.objectContaining({ slug: "homicide_rate", value: "10.4", asOf: "2025-01-05", precision: "day" }),
      expect.objectContaining({ slug: "soe_arrests_cumulative", value: "85000", asOf: "2025-03-01", precision: "day" }),
    ]);
  });

  it("a day the calendar lacks is refused by code and value, and nothing is written", async () => {
    const bad = csv.replace("15/03/2025", "31/02/2025").replace("10,4", "10.4");
    const before = await fingerprint(database.db);
    const summary = await preview({ ...body, csv: bad });
    expect(summary.errors).toEqual([
      expect.objectContaining({ row: 2, column: "fecha", code: "date_not_real", values: { value: "31/02/2025" } }),
      expect.objectContaining({ row: 3, column: "valor", code: "number_format", values: { value: "10.4", format: "decimal_comma" } }),
    ]);
    const refused = await importRoute.POST(request("POST", "/api/editor/imports", callers.editor, { ...body, csv: bad }));
    expect(refused.status).toBe(400);
    expect(await fingerprint(database.db)).toBe(before);
  });
});

describe("Our World in Data's layout: Entity, Code, Year and the series", () => {
  const csv = fixture("import-owid-homicide-rate.csv");
  const { columns } = parseCsv(csv);
  const fixed = {
    indicator: "homicide_rate",
    producer: "UNODC (via Our World in Data)",
    producerType: "intergovernmental",
    sourceUrl: "https://ourworldindata.org/grapher/homicide-rate-unodc",
    publisher: "Our World in Data",
  };
  const body = {
    csv,
    mapping: guessMapping(columns),
    fixed,
    options: { numberFormat: "decimal_point", onlyWhere: guessRowFilters(columns) },
  };

  it("imports El Salvador's rows with the fixed values, and skips the other countries without calling them problems", async () => {
    expect(body.mapping).toMatchObject({ asOf: "Year", value: "Homicide rate per 100,000 population - Both sexes - All ages" });
    const summary = await preview(body);
    expect(summary).toMatchObject({ totalRows: 6, valid: 3, errorCount: 0 });

    const response = await importRoute.POST(request("POST", "/api/editor/imports", callers.editor, body));
    expect(response.status).toBe(201);
    expect(await draftsFrom(fixed.producer)).toEqual([
      {
        slug: "homicide_rate",
        value: "37.16",
        asOf: "2019-01-01",
        precision: "year",
        status: "draft",
        source: fixed.sourceUrl,
        publisher: fixed.publisher,
      },
      {
        slug: "homicide_rate",
        value: "20.06",
        asOf: "2020-01-01",
        precision: "year",
        status: "draft",
        source: fixed.sourceUrl,
        publisher: fixed.publisher,
      },
      {
        slug: "homicide_rate",
        value: "18.17",
        asOf: "2021-01-01",
        precision: "year",
        status: "draft",
        source: fixed.sourceUrl,
        publisher: fixed.publisher,
      },
    ]);
  });

  it("without a value for a required field the request is refused with the field named", async () => {
    const withoutProducer = Object.fromEntries(Object.entries(fixed).filter(([field]) => field !== "producer"));
    const response = await previewRoute.POST(
      request("POST", "/api/editor/imports/preview", callers.editor, { ...body, fixed: withoutProducer }),
    );
    expect(response.status).toBe(400);
    expect(JSON.stringify((await response.json()).error)).toContain("mapping.producer");
  });
});

describe("UNODC's data portal layout", () => {
  it("reads one series of El Salvador, chosen by conditions on its columns", async () => {
    const csv = fixture("import-unodc-victims.csv");
    const { columns } = parseCsv(csv);
    const mapping = { ...guessMapping(columns), indicator: null };
    const fixed = {
      indicator: "homicide_rate",
      producer: "UNODC",
      producerType: "intergovernmental",
      sourceUrl: "https://dataunodc.un.org/dp-intentional-homicide-victims",
      publisher: "UNODC",
    };
    const onlyWhere = [
      ...guessRowFilters(columns),
      { column: "Unit of measurement", equals: "Rate per 100,000 population" },
      { column: "Sex", equals: "Total" },
    ];
    const summary = await preview({ csv, mapping, fixed, options: { numberFormat: "decimal_point", onlyWhere } });
    expect(summary).toMatchObject({ totalRows: 5, valid: 2, errorCount: 0 });
    expect(summary.sample.map((row: { value: string; asOf: string }) => [row.value, row.asOf])).toEqual([
      ["61.79", "2017-01-01"],
      ["52.02", "2018-01-01"],
    ]);
  });
});
