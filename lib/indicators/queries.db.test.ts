import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFixtureIndicator } from "../../testing/figures-fixture";
import { createTestDatabase, type TestDatabase } from "../../testing/test-database";

let database: TestDatabase;
let indicators: typeof import("./queries");

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  indicators = await import("./queries");
  await createFixtureIndicator(database.db, "homicide_rate");
});
afterAll(() => database.drop());

describe("getIndicatorBySlug", () => {
  it("finds an indicator by its slug", async () => {
    expect((await indicators.getIndicatorBySlug("homicide_rate"))?.slug).toBe("homicide_rate");
  });

  // A page address can carry anything; PostgreSQL refuses a NUL with an error, which became a 500.
  it("finds nothing, without an error, for text no slug can be", async () => {
    for (const slug of [
      "homicide_rate\u0000",
      "a\u0000b",
      "\u0000",
      "HOMICIDE_RATE",
      "homicide-rate",
      "' OR '1'='1",
      "",
      "é",
      "x".repeat(10_000),
    ]) {
      expect(await indicators.getIndicatorBySlug(slug), JSON.stringify(slug.slice(0, 20))).toBeNull();
    }
  });
});
