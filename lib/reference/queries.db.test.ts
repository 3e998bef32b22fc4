import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addFigures, createFixtureIndicator } from "../../testing/figures-fixture";
import { createTestDatabase, type TestDatabase } from "../../testing/test-database";

let database: TestDatabase;
let indicators: typeof import("../indicators/queries");
let framings: typeof import("../indicators/framings");
let producers: typeof import("../sources/producers");
let sources: typeof import("../sources/queries");
let events: typeof import("../events/queries");
let queries: typeof import("./queries");

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  [indicators, framings, producers, sources, events, queries] = await Promise.all([
    import("../indicators/queries"),
    import("../indicators/framings"),
    import("../sources/producers"),
    import("../sources/queries"),
    import("../events/queries"),
    import("./queries"),
  ]);
  await createFixtureIndicator(database.db, "prisoners");
  await addFigures(database.db, [{ indicator: "prisoners", producer: "Cristosal", value: "10", asOf: "2024-01-01" }]);
});
afterAll(() => database.drop());

describe("loading a reference record for its edit form", () => {
  it("finds each record by its id, with its version", async () => {
    const [indicator, producer, source] = await Promise.all([
      database.db.indicator.findFirstOrThrow(),
      database.db.producer.findFirstOrThrow(),
      database.db.source.findFirstOrThrow(),
    ]);
    expect((await indicators.getIndicatorForEdit(indicator.id))?.values.slug).toBe("prisoners");
    expect(await producers.getProducerForEdit(producer.id)).toMatchObject({ id: producer.id, version: 1 });
    expect((await sources.getSourceForEdit(source.id))?.id).toBe(source.id);
    // The proposal code reads any kind of record through one dispatch.
    expect((await queries.loadReferenceRecord(database.db, "indicator", indicator.id))?.values).toMatchObject({ slug: "prisoners" });
    expect((await queries.loadReferenceRecord(database.db, "producer", producer.id))?.values).toEqual({
      name: producer.name,
      type: producer.type,
    });
  });

  // The id comes from the page address; PostgreSQL refuses a NUL with an error, which became a 500.
  it("finds nothing, without an error, for an id carrying a NUL", async () => {
    const indicator = await database.db.indicator.findFirstOrThrow();
    for (const id of [`${indicator.id}\u0000`, "a\u0000b", "\u0000"]) {
      expect(await indicators.getIndicatorForEdit(id)).toBeNull();
      expect(await producers.getProducerForEdit(id)).toBeNull();
      expect(await sources.getSourceForEdit(id)).toBeNull();
      expect(await framings.getFramingForEdit(id)).toBeNull();
      expect(await events.getEventForEdit(id)).toBeNull();
    }
  });
});
