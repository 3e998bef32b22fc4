import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addFigures, createFixtureIndicator } from "../../testing/figures-fixture";
import { createTestDatabase, type TestDatabase } from "../../testing/test-database";

let database: TestDatabase;
let queries: typeof import("./queries");

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  queries = await import("./queries");
  await createFixtureIndicator(database.db, "prisoners");
  await addFigures(database.db, [{ indicator: "prisoners", producer: "Cristosal", value: "10", asOf: "2024-01-01" }]);
});
afterAll(() => database.drop());

describe("loading a reference record for its edit form", () => {
  it("finds each record by its id", async () => {
    const [indicator, producer, source] = await Promise.all([
      database.db.indicator.findFirstOrThrow(),
      database.db.producer.findFirstOrThrow(),
      database.db.source.findFirstOrThrow(),
    ]);
    expect((await queries.getIndicatorForEdit(indicator.id))?.values.slug).toBe("prisoners");
    expect((await queries.getProducerForEdit(producer.id))?.id).toBe(producer.id);
    expect((await queries.getSourceForEdit(source.id))?.id).toBe(source.id);
  });

  // The id comes from the page address; PostgreSQL refuses a NUL with an error, which became a 500.
  it("finds nothing, without an error, for an id carrying a NUL", async () => {
    const indicator = await database.db.indicator.findFirstOrThrow();
    for (const id of [`${indicator.id}\u0000`, "a\u0000b", "\u0000"]) {
      expect(await queries.getIndicatorForEdit(id)).toBeNull();
      expect(await queries.getProducerForEdit(id)).toBeNull();
      expect(await queries.getSourceForEdit(id)).toBeNull();
      expect(await queries.getFramingForEdit(id)).toBeNull();
      expect(await queries.getEventForEdit(id)).toBeNull();
    }
  });
});
