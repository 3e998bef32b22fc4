import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addFigures, createFixtureIndicator, denseFigures } from "../../testing/figures-fixture";
import { createTestDatabase, type TestDatabase } from "../../testing/test-database";

// The indicator page's downloads ask for every figure at once (all=true); the API reads them in
// pages of 1000 along the (indicatorId, asOf, id) index, as a cursor-following client would.

let database: TestDatabase;
let api: typeof import("./observations");
let route: typeof import("@/app/api/v1/indicators/[slug]/observations/route");
let expected: string[];

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  api = await import("./observations");
  route = await import("@/app/api/v1/indicators/[slug]/observations/route");
  await createFixtureIndicator(database.db, "dense");
  await addFigures(database.db, denseFigures("dense", 700, ["Ministerio de Seguridad", "Cristosal"]));
  const rows = await database.db.observation.findMany({
    where: { status: "published" },
    orderBy: [{ asOf: "asc" }, { id: "asc" }],
    select: { id: true },
  });
  expected = rows.map((row) => row.id);
});
afterAll(() => database.drop());

describe("listApiObservations", () => {
  it("gives every figure once, in order, in pages of at most 1000, for a download (all=true)", async () => {
    expect(expected.length).toBeGreaterThan(1000);
    const stream = await api.streamApiObservations({ slug: "dense", includeRetracted: false });
    const pages: string[][] = [];
    for await (const page of stream!.pages()) pages.push(page.map((o) => o.id));
    expect(pages.flat()).toEqual(expected);
    expect(Math.max(...pages.map((page) => page.length))).toBe(api.STREAM_PAGE_ROWS);
  });

  it("gives the same figures page by page when a client follows the cursor", async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const result = await api.listApiObservations({ slug: "dense", includeRetracted: false, limit: 333, cursor });
      seen.push(...result!.observations.map((o) => o.id));
      cursor = result!.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(expected);
  });
});

// The indicator page's download buttons. The file is written as the reader takes it, a page of rows
// at a time, so a series of 100,000 figures never sits in the server's memory whole (issue 12, finding 4).
describe("GET /api/v1/indicators/{slug}/observations?all=true", () => {
  const download = async (query: string) => {
    const response = await route.GET(new Request(`http://contraste.test/api/v1/indicators/dense/observations?${query}`), {
      params: Promise.resolve({ slug: "dense" }),
    });
    expect(response.status).toBe(200);
    const pieces: string[] = [];
    const decoder = new TextDecoder();
    const reader = response.body!.getReader();
    for (let read = await reader.read(); !read.done; read = await reader.read()) pieces.push(decoder.decode(read.value, { stream: true }));
    return { response, pieces };
  };

  it("streams the CSV in pieces of at most 1000 rows, the same rows as the cursor pages, with one header", async () => {
    const { response, pieces } = await download("format=csv&all=true");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="dense.csv"');
    const lines = pieces.join("").trimEnd().split("\r\n");
    expect(lines[0]!.startsWith("id,indicator,value,")).toBe(true);
    expect(lines.slice(1).map((line) => line.split(",")[0])).toEqual(expected);
    expect(Math.max(...pieces.map((piece) => piece.split("\r\n").length - 1))).toBeLessThanOrEqual(1000);
  });

  it("streams the JSON in pieces too, as one document with every figure and its count", async () => {
    const { pieces } = await download("all=true");
    expect(pieces.length).toBeGreaterThan(2);
    const document = JSON.parse(pieces.join("")) as { data: { id: string; value: number }[]; meta: { count: number; nextCursor: null } };
    expect(document.data.map((o) => o.id)).toEqual(expected);
    expect(document.meta).toMatchObject({ indicator: "dense", count: expected.length, nextCursor: null });
    expect(typeof document.data[0]!.value).toBe("number");
    expect(Math.max(...pieces.map((piece) => piece.split('"id":').length - 1))).toBeLessThanOrEqual(1000);
  });
});
