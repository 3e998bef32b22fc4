import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fingerprint, request, type Callers, createRouteTestbed, TEST_CSV_HEADER, TEST_CSV_MAPPING } from "../../testing/editor-fixtures";
import type { TestDatabase } from "../../testing/test-database";
import { guessMapping, IMPORT_FIELDS } from "./fields";
import { IMPORT_TEMPLATE_CSV, TEMPLATE_EXAMPLE_SLUG } from "./template";

let database: TestDatabase;
let callers: Callers;
let importRoute: typeof import("@/app/api/editor/imports/route");
let previewRoute: typeof import("@/app/api/editor/imports/preview/route");

beforeAll(async () => {
  ({ database, callers } = await createRouteTestbed());
  importRoute = await import("@/app/api/editor/imports/route");
  previewRoute = await import("@/app/api/editor/imports/preview/route");
});
afterAll(() => database.drop());

const header = `${TEST_CSV_HEADER},Hedge`;
const mapping = { ...TEST_CSV_MAPPING, qualifier: "Hedge" };
const row = (value: string, date = "2024", extra = "") =>
  `test_indicator,${value},${date},year,Test NGO,ngo,https://example.org/r${extra},Example,exact`;

describe("CSV import", () => {
  it("lists every invalid row with its row number, column and reason, and writes nothing", async () => {
    const csv = [
      header,
      row("10"),
      "test_indicator,ten,2024,year,Test NGO,ngo,https://example.org/r,Example,exact",
      "nope,5,2024-13-01,day,X,blog,not-a-url,,exact",
      row("11"),
    ].join("\n");
    const before = await fingerprint(database.db);
    const preview = await previewRoute.POST(request("POST", "/api/editor/imports/preview", callers.editor, { csv, mapping }));
    expect(preview.status).toBe(200);
    const summary = (await preview.json()).data;
    expect(summary).toMatchObject({ totalRows: 4, valid: 2 });
    expect(summary.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 3, column: "Value" }),
        expect.objectContaining({ row: 4, column: "Date" }),
        expect.objectContaining({ row: 4, column: "Type" }),
        expect.objectContaining({ row: 4, column: "Link" }),
        expect.objectContaining({ row: 4, column: "Outlet" }),
      ]),
    );
    const refused = await importRoute.POST(request("POST", "/api/editor/imports", callers.editor, { csv, mapping }));
    expect(refused.status).toBe(400);
    expect((await refused.json()).error.details.errorCount).toBe(summary.errorCount);
    expect(await fingerprint(database.db)).toBe(before);
  });

  it("imports a good file as drafts, and importing it again adds nothing", async () => {
    const csv = [header, row("100", "2020"), row("101", "2021"), row("101", "2021")].join("\r\n");
    const first = await importRoute.POST(request("POST", "/api/editor/imports", callers.editor, { csv, mapping }));
    expect(first.status).toBe(201);
    expect((await first.json()).data).toMatchObject({ created: 2, duplicates: 1 });
    const drafts = await database.db.observation.findMany({ where: { value: { in: ["100", "101"] } } });
    expect(drafts.map((d) => d.status)).toEqual(["draft", "draft"]);
    expect(drafts.every((d) => d.authorId === callers.ids.editor)).toBe(true);
    expect(
      await database.db.changeEntry.count({ where: { entityId: { in: drafts.map((d) => d.id) }, action: "observation.created" } }),
    ).toBe(2);

    const before = await fingerprint(database.db);
    const again = await importRoute.POST(request("POST", "/api/editor/imports", callers.editor, { csv, mapping }));
    expect((await again.json()).data).toMatchObject({ created: 0, duplicates: 3 });
    expect(await fingerprint(database.db)).toBe(before);
  });

  it("imports a 5,000-row file in one go", async () => {
    const lines = [header, ...Array.from({ length: 5000 }, (_, i) => row(String(1000 + i), "2023", `/${i % 40}`))];
    const response = await importRoute.POST(request("POST", "/api/editor/imports", callers.editor, { csv: lines.join("\n"), mapping }));
    expect(response.status).toBe(201);
    expect((await response.json()).data.created).toBe(5000);
  });

  it("maps the template's columns by themselves and never imports its example row", async () => {
    const columns = IMPORT_TEMPLATE_CSV.split("\r\n")[0]!.split(",");
    expect(columns).toEqual([...IMPORT_FIELDS]);
    const guessed = guessMapping(columns);
    const before = await fingerprint(database.db);
    const preview = await previewRoute.POST(
      request("POST", "/api/editor/imports/preview", callers.editor, { csv: IMPORT_TEMPLATE_CSV, mapping: guessed }),
    );
    expect((await preview.json()).data).toMatchObject({
      valid: 0,
      errorCount: 1,
      errors: [
        {
          row: 2,
          column: "indicator",
          code: "template_example_row",
          message: "This is the template's example row; replace it with your figures.",
        },
      ],
    });
    // Left in above the rows added, it is set aside and the rest import.
    const filled = `${IMPORT_TEMPLATE_CSV}${IMPORT_TEMPLATE_CSV.split("\r\n")[1]!.replace(TEMPLATE_EXAMPLE_SLUG, "test_indicator")}\r\n`;
    const refused = await importRoute.POST(request("POST", "/api/editor/imports", callers.editor, { csv: filled, mapping: guessed }));
    expect(refused.status).toBe(400);
    expect(await fingerprint(database.db)).toBe(before);
    const partly = await importRoute.POST(
      request("POST", "/api/editor/imports", callers.editor, { csv: filled, mapping: guessed, mode: "valid_rows" }),
    );
    expect((await partly.json()).data).toMatchObject({
      created: 1,
      rejected: 1,
      rejectedRows: [{ row: 2, reasons: [{ column: "indicator", code: "template_example_row" }] }],
    });
  });

  it("writes nothing from a large file when its last row is invalid", async () => {
    const lines = [header, ...Array.from({ length: 3000 }, (_, i) => row(String(90_000 + i), "2022", `/bad/${i % 7}`)), row("1e5", "2022")];
    const before = await fingerprint(database.db);
    const refused = await importRoute.POST(request("POST", "/api/editor/imports", callers.editor, { csv: lines.join("\n"), mapping }));
    expect(refused.status).toBe(400);
    expect((await refused.json()).error.details).toMatchObject({ errorCount: 1, errors: [{ row: 3002, column: "Value" }] });
    expect(await fingerprint(database.db)).toBe(before);
  });

  it("is refused to anonymous callers and API tokens", async () => {
    const csv = [header, row("1", "2019")].join("\n");
    const before = await fingerprint(database.db);
    expect((await importRoute.POST(request("POST", "/api/editor/imports", callers.anonymous, { csv, mapping }))).status).toBe(401);
    expect((await importRoute.POST(request("POST", "/api/editor/imports", callers.token, { csv, mapping }))).status).toBe(403);
    expect(await fingerprint(database.db)).toBe(before);
  });
});

// Every column of the template, so each field travels through the bulk insert.
describe("what an import stores", () => {
  const templateMapping = guessMapping([...IMPORT_FIELDS]);
  const base = {
    indicator: "test_indicator",
    valueMax: "",
    qualifier: "exact",
    asOf: "2024",
    datePrecision: "year",
    producer: "Stored NGO",
    producerType: "ngo",
    sourceUrl: "https://example.org/stored",
    publisher: "Stored Outlet",
    publishedAt: "",
    attribution: "",
    noteEn: "",
    noteEs: "",
  };
  const quote = (cell: string) => (/[",\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);
  type Cells = Partial<Record<(typeof IMPORT_FIELDS)[number], string>>;
  // Each test names its own producer: rows of another producer's period are conflicts, not new figures.
  const templateCsv = (rows: Cells[], defaults: Cells = {}) =>
    [
      IMPORT_FIELDS.join(","),
      ...rows.map((cells) => IMPORT_FIELDS.map((field) => quote({ ...base, ...defaults, ...cells }[field] ?? "")).join(",")),
    ].join("\r\n");
  const commit = async (csv: string) => {
    const response = await importRoute.POST(request("POST", "/api/editor/imports", callers.editor, { csv, mapping: templateMapping }));
    return { status: response.status, body: await response.json() };
  };
  const stored = (url: string) =>
    database.db.observation.findMany({ where: { source: { url } }, include: { producer: true, source: true }, orderBy: { value: "asc" } });

  it("keeps every digit, ranges, dates, notes and attributions as written", async () => {
    const url = "https://example.org/digits";
    const { status, body } = await commit(
      templateCsv([
        { value: "12.50", sourceUrl: url, publishedAt: "2019-01-01", publisher: "Earlier Outlet" },
        { value: "12345678901234567890.1234567891", sourceUrl: url, asOf: "2023-03", datePrecision: "month" },
        { value: "12345678901234567890.1234567892", sourceUrl: url, asOf: "2023-03", datePrecision: "month" },
        { value: "-3.5", valueMax: "20.75", qualifier: "about", sourceUrl: url, asOf: "2022-06-15", datePrecision: "day" },
        {
          value: "0.0001",
          qualifier: "up_to",
          sourceUrl: url,
          attribution: "Stored NGO, in a radio interview",
          noteEn: 'Said "about", roughly',
          noteEs: "Dicho, más o menos",
          publishedAt: "2024-02-03",
        },
      ]),
    );
    expect(status).toBe(201);
    expect(body.data).toMatchObject({ created: 5, duplicates: 0 });
    const rows = await stored(url);
    expect(
      rows.map((r) => [
        r.value.toString(),
        r.valueMax?.toString() ?? null,
        r.qualifier,
        r.asOf.toISOString().slice(0, 10),
        r.datePrecision,
      ]),
    ).toEqual([
      ["-3.5", "20.75", "about", "2022-06-15", "day"],
      ["0.0001", null, "up_to", "2024-01-01", "year"],
      ["12.5", null, "exact", "2024-01-01", "year"],
      ["12345678901234567890.1234567891", null, "exact", "2023-03-01", "month"],
      ["12345678901234567890.1234567892", null, "exact", "2023-03-01", "month"],
    ]);
    const quoted = rows[1]!;
    expect([quoted.attribution, quoted.noteEn, quoted.noteEs]).toEqual([
      "Stored NGO, in a radio interview",
      'Said "about", roughly',
      "Dicho, más o menos",
    ]);
    expect([rows[0]!.attribution, rows[0]!.noteEn, rows[0]!.noteEs]).toEqual(["Stored NGO (Stored Outlet)", null, null]);
    expect(rows[2]!.attribution).toBe("Stored NGO (Earlier Outlet)");
    expect(
      rows.every(
        (r) =>
          r.status === "draft" && r.authorId === callers.ids.editor && r.version === 1 && r.reviewerId === null && r.publishedAt === null,
      ),
    ).toBe(true);
    expect(rows.every((r) => /^c[0-9a-z]{24}$/.test(r.id))).toBe(true);
    expect(
      rows.every((r) => Math.abs(r.createdAt.getTime() - Date.now()) < 60_000 && r.updatedAt.getTime() === r.createdAt.getTime()),
    ).toBe(true);
    // The producer and the source were new: created as the last row naming them gives them.
    expect(rows[0]!.producer).toMatchObject({ name: "Stored NGO", type: "ngo" });
    expect(rows[0]!.source).toMatchObject({ url, publisher: "Stored Outlet" });
    expect(rows[0]!.source.publishedAt?.toISOString().slice(0, 10)).toBe("2024-02-03");
  });

  it("records one history entry per draft, by the importer, with the draft's snapshot as the form records it", async () => {
    const url = "https://example.org/history";
    await commit(
      templateCsv(
        [
          { value: "7.10", valueMax: "9", sourceUrl: url, noteEn: "First" },
          { value: "8", sourceUrl: url, asOf: "2021-04", datePrecision: "month" },
        ],
        { producer: "History NGO" },
      ),
    );
    const drafts = await stored(url);
    const entries = await database.db.changeEntry.findMany({
      where: { entityId: { in: drafts.map((d) => d.id) } },
      orderBy: { sequence: "asc" },
    });
    expect(entries).toHaveLength(2);
    expect(entries.map((e) => e.entityId)).toEqual(drafts.map((d) => d.id));
    for (const entry of entries) {
      expect(entry).toMatchObject({
        action: "observation.created",
        entityType: "observation",
        actorUserId: callers.ids.editor,
        actorTokenId: null,
        reason: "CSV import",
        before: null,
        isPublic: false,
      });
    }
    // The snapshot the form records for a draft (lib/observations/shapes.ts), not the row as the file gave it.
    // A source no domain table entry names is secondary until someone classifies it.
    const source = {
      url,
      publisher: "Stored Outlet",
      publishedAt: null,
      retrievedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      class: "secondary",
    };
    const producer = { name: "History NGO", type: "ngo" };
    const draft = { indicator: "test_indicator", qualifier: "exact", producer, source, noteEs: null, status: "draft", version: 1 };
    expect(entries[0]!.after).toEqual({
      ...draft,
      id: drafts[0]!.id,
      value: "7.1",
      valueMax: "9",
      asOf: "2024-01-01",
      datePrecision: "year",
      attribution: "History NGO (Stored Outlet)",
      noteEn: "First",
    });
    expect(entries[1]!.after).toEqual({
      ...draft,
      id: drafts[1]!.id,
      value: "8",
      valueMax: null,
      asOf: "2021-04-01",
      datePrecision: "month",
      attribution: "History NGO (Stored Outlet)",
      noteEn: null,
    });
  });

  it("recognises repeats of stored figures and within the file by number, not by spelling", async () => {
    const url = "https://example.org/repeats";
    const producer = { producer: "Repeats NGO" };
    await commit(
      templateCsv(
        [
          { value: "12.50", valueMax: "13", sourceUrl: url },
          { value: "99", sourceUrl: url },
        ],
        producer,
      ),
    );
    const before = await fingerprint(database.db);
    const { body } = await commit(
      templateCsv(
        [
          { value: "12.5", valueMax: "13.000", sourceUrl: url }, // stored, written differently
          { value: "099.0", sourceUrl: url }, // stored, written differently
        ],
        producer,
      ),
    );
    expect(body.data).toMatchObject({ created: 0, duplicates: 2 });
    expect(await fingerprint(database.db)).toBe(before);

    // Rows of the same producer and period that differ from its waiting drafts are conflicts, not repeats.
    const csv = templateCsv(
      [
        { value: "12.5", sourceUrl: url }, // no range: another figure
        { value: "12.5", valueMax: "13", sourceUrl: url, qualifier: "about" }, // another hedge
        { value: "12.5", valueMax: "13", sourceUrl: url, asOf: "2025" }, // another period: new
        { value: "99", sourceUrl: url, producer: "Another NGO" }, // another producer: new
        { value: "40", sourceUrl: url },
        { value: "40.00", sourceUrl: url }, // repeats the row above
        { value: "12345678901234567890.5", sourceUrl: url },
        { value: "12345678901234567891.5", sourceUrl: url }, // equal as floats, not as numbers
      ],
      producer,
    );
    const preview = await previewRoute.POST(
      request("POST", "/api/editor/imports/preview", callers.editor, { csv, mapping: templateMapping }),
    );
    const summary = (await preview.json()).data;
    expect(summary).toMatchObject({ totalRows: 8, valid: 2, duplicates: 1, invalidRows: 5, conflicts: { total: 5, setAside: 5 } });
    expect(summary.conflicts.listed.map((conflict: { row: number; code: string }) => [conflict.row, conflict.code])).toEqual([
      [2, "conflicts_with_draft"],
      [3, "conflicts_with_draft"],
      [6, "conflicts_with_draft"],
      [8, "conflicts_with_draft"],
      [9, "conflicts_with_draft"],
    ]);
    const response = await importRoute.POST(
      request("POST", "/api/editor/imports", callers.editor, { csv, mapping: templateMapping, mode: "valid_rows" }),
    );
    expect((await response.json()).data).toMatchObject({ totalRows: 8, created: 2, corrections: 0, duplicates: 1, rejected: 5 });
    expect((await stored(url)).map((r) => `${r.producer.name} ${r.value.toString()} ${r.asOf.getUTCFullYear()}`).sort()).toEqual([
      "Another NGO 99 2024",
      "Repeats NGO 12.5 2024",
      "Repeats NGO 12.5 2025",
      "Repeats NGO 99 2024",
    ]);
  });

  it("keeps a stored source's publisher, and adds a new producer type as its own producer", async () => {
    const url = "https://example.org/kept";
    await database.db.source.create({ data: { url, publisher: "Original Outlet" } });
    await commit(
      templateCsv(
        [
          { value: "1", sourceUrl: url, publisher: "Renamed Outlet" },
          { value: "2", sourceUrl: url, producerType: "media" },
        ],
        { producer: "Kept NGO" },
      ),
    );
    const rows = await stored(url);
    expect(rows.map((r) => [r.source.publisher, r.producer.type, r.attribution])).toEqual([
      ["Original Outlet", "ngo", "Kept NGO (Renamed Outlet)"],
      ["Original Outlet", "media", "Kept NGO (Stored Outlet)"],
    ]);
    expect(await database.db.source.count({ where: { url } })).toBe(1);
  });
});
