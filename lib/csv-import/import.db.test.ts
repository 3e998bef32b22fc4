import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCallers, createTestIndicator, fingerprint, request, type Callers } from "../testing/editor-fixtures";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { guessMapping, IMPORT_FIELDS, TEMPLATE_CSV } from "./fields";

let database: TestDatabase;
let callers: Callers;
let importRoute: typeof import("@/app/api/editor/imports/route");
let previewRoute: typeof import("@/app/api/editor/imports/preview/route");

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  await createTestIndicator(database.db);
  callers = await createCallers(database.db);
  importRoute = await import("@/app/api/editor/imports/route");
  previewRoute = await import("@/app/api/editor/imports/preview/route");
});
afterAll(() => database.drop());

const header = "Indicator,Value,Date,Precision,Who,Type,Link,Outlet,Hedge";
const mapping = { indicator: "Indicator", value: "Value", asOf: "Date", datePrecision: "Precision", producer: "Who", producerType: "Type", sourceUrl: "Link", publisher: "Outlet", qualifier: "Hedge" };
const row = (value: string, date = "2024", extra = "") => `test_indicator,${value},${date},year,Test NGO,ngo,https://example.org/r${extra},Example,exact`;

describe("CSV import", () => {
  it("lists every invalid row with its row number, column and reason, and writes nothing", async () => {
    const csv = [header, row("10"), "test_indicator,ten,2024,year,Test NGO,ngo,https://example.org/r,Example,exact", "nope,5,2024-13-01,day,X,blog,not-a-url,,exact", row("11")].join("\n");
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
    expect(await database.db.changeEntry.count({ where: { entityId: { in: drafts.map((d) => d.id) }, action: "observation.created" } })).toBe(2);

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

  it("accepts the template as it is, its columns mapping themselves", async () => {
    const columns = TEMPLATE_CSV.split("\r\n")[0]!.split(",");
    expect(columns).toEqual([...IMPORT_FIELDS]);
    const guessed = guessMapping(columns);
    const preview = await previewRoute.POST(request("POST", "/api/editor/imports/preview", callers.editor, { csv: TEMPLATE_CSV.replace("soe_arrests_cumulative", "test_indicator"), mapping: guessed }));
    expect((await preview.json()).data).toMatchObject({ valid: 1, errorCount: 0 });
  });

  it("is refused to anonymous callers and API tokens", async () => {
    const csv = [header, row("1", "2019")].join("\n");
    const before = await fingerprint(database.db);
    expect((await importRoute.POST(request("POST", "/api/editor/imports", callers.anonymous, { csv, mapping }))).status).toBe(401);
    expect((await importRoute.POST(request("POST", "/api/editor/imports", callers.token, { csv, mapping }))).status).toBe(403);
    expect(await fingerprint(database.db)).toBe(before);
  });
});
