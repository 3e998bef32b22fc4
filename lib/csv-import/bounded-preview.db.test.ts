import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fingerprint, request, type Callers, createRouteTestbed, TEST_CSV_HEADER, TEST_CSV_MAPPING } from "../../testing/editor-fixtures";
import type { TestDatabase } from "../../testing/test-database";
import { LISTED_PROBLEMS } from "./validate-rows";

// Issue 12, finding 5: a check listed every problem in one blocking pass (1 MB of bad rows gave a
// 69 MB answer; 10 MB ran the server out of memory). Now every problem is counted, the first 100
// are listed, and the file is read as a stream that gives way to other requests between slices.

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

const header = TEST_CSV_HEADER;
const mapping = TEST_CSV_MAPPING;
const BAD_ROWS = 200_000;
// Even rows have a value that is not a number, odd rows an indicator that does not exist: one problem each.
const csv = [
  header,
  ...Array.from({ length: BAD_ROWS }, (_, i) =>
    i % 2 === 0
      ? `test_indicator,ten${i},2024,year,Test NGO,ngo,https://example.org/r,Example`
      : `no_such_indicator_${i},5,2024,year,Test NGO,ngo,https://example.org/r,Example`,
  ),
  "test_indicator,12,2024,year,Test NGO,ngo,https://example.org/good,Example",
].join("\n");

describe("checking a file with 200,000 bad rows", () => {
  it("counts every problem exactly, lists only the first 100, and answers in a few kilobytes", async () => {
    expect(csv.length).toBeGreaterThan(10_000_000);
    // Counts how often the event loop turned while the check ran: a check that never gives way turns it only while waiting for the database.
    let turns = 0;
    let running = true;
    const tick = () => {
      turns++;
      if (running) setImmediate(tick);
    };
    setImmediate(tick);
    const response = await previewRoute.POST(request("POST", "/api/editor/imports/preview", callers.editor, { csv, mapping }));
    running = false;
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(Buffer.byteLength(text)).toBeLessThan(32 * 1024);
    const summary = JSON.parse(text).data;
    expect(summary).toMatchObject({ totalRows: BAD_ROWS + 1, valid: 1, errorCount: BAD_ROWS, invalidRows: BAD_ROWS });
    expect(summary.errors).toHaveLength(LISTED_PROBLEMS);
    expect(summary.errors[0]).toMatchObject({ row: 2, column: "Value" });
    expect(summary.errors[1]).toMatchObject({ row: 3, column: "Indicator", message: 'Unknown indicator "no_such_indicator_1".' });
    expect(summary.problemsByColumn).toEqual(
      expect.arrayContaining([
        { column: "Value", count: BAD_ROWS / 2 },
        { column: "Indicator", count: BAD_ROWS / 2 },
      ]),
    );
    expect(summary.problemsByColumn).toHaveLength(2);
    // One turn per slice of the file (64 K characters) at the least: the check gave way to other work throughout.
    expect(turns).toBeGreaterThan(csv.length / (64 * 1024));
  });

  it("refuses the import of the same file with the same bounded summary, writing nothing", async () => {
    const before = await fingerprint(database.db);
    const response = await importRoute.POST(request("POST", "/api/editor/imports", callers.editor, { csv, mapping }));
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(Buffer.byteLength(text)).toBeLessThan(32 * 1024);
    const { error } = JSON.parse(text);
    expect(error).toMatchObject({ code: "invalid_rows", details: { errorCount: BAD_ROWS, invalidRows: BAD_ROWS } });
    expect(error.details.errors).toHaveLength(LISTED_PROBLEMS);
    expect(await fingerprint(database.db)).toBe(before);
  });

  it("echoes at most 80 characters of a hostile cell in a problem's message", async () => {
    const slug = "x".repeat(50_000);
    const response = await previewRoute.POST(
      request("POST", "/api/editor/imports/preview", callers.editor, {
        csv: `${header}\n${slug},5,2024,year,Test NGO,ngo,https://example.org/r,Example`,
        mapping,
      }),
    );
    const text = await response.text();
    expect(Buffer.byteLength(text)).toBeLessThan(4 * 1024);
    expect(JSON.parse(text).data).toMatchObject({ errorCount: 1 });
  });
});
