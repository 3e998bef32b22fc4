import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addFigures, createFixtureIndicator, denseFigures } from "../testing/figures-fixture";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";

// The indicator page's downloads ask for every figure at once (all=true); the API reads them in
// pages of 1000 along the (indicatorId, asOf, id) index, as a cursor-following client would.

let database: TestDatabase;
let api: typeof import("./observations");
let expected: string[];

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  api = await import("./observations");
  await createFixtureIndicator(database.db, "dense");
  await addFigures(database.db, denseFigures("dense", 700, ["Ministerio de Seguridad", "Cristosal"]));
  const rows = await database.db.observation.findMany({ where: { status: "published" }, orderBy: [{ asOf: "asc" }, { id: "asc" }], select: { id: true } });
  expected = rows.map((row) => row.id);
});
afterAll(() => database.drop());

describe("listApiObservations", () => {
  it("gives every figure once, in order, with all=true, beyond one page of 1000", async () => {
    expect(expected.length).toBeGreaterThan(1000);
    const result = await api.listApiObservations({ slug: "dense", includeRetracted: false, limit: 500, all: true });
    expect(result!.observations.map((o) => o.id)).toEqual(expected);
    expect(result!.nextCursor).toBeNull();
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
