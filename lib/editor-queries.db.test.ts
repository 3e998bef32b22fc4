import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addFigures, createFixtureIndicator } from "./testing/figures-fixture";
import { createTestDatabase, type TestDatabase } from "./testing/test-database";

let database: TestDatabase;
let queries: typeof import("./editor-queries");

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  queries = await import("./editor-queries");
  await createFixtureIndicator(database.db, "prisoners");
  await addFigures(database.db, [{ indicator: "prisoners", producer: "Cristosal", value: "10", asOf: "2024-01-01", status: "draft" }]);
});
afterAll(() => database.drop());

describe("getObservationForEditing", () => {
  it("finds a figure by its id, and nothing, without an error, for an id carrying a NUL", async () => {
    const { id } = await database.db.observation.findFirstOrThrow();
    expect((await queries.getObservationForEditing(id))?.status).toBe("draft");
    // The id comes from the page address; PostgreSQL refuses a NUL with an error, which became a 500.
    for (const hostile of [`${id}\u0000`, "a\u0000b", "\u0000"]) expect(await queries.getObservationForEditing(hostile)).toBeNull();
  });
});
