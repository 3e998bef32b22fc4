import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { conflict } from "../errors";
import { createTestDatabase, type TestDatabase } from "../../testing/test-database";
import { updateAtVersion } from "./optimistic-lock";

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

const stale = () => conflict("Someone changed this since you opened it.");

describe("updateAtVersion", () => {
  it("writes a row at the version the writer read and moves it on by one", async () => {
    const source = await database.db.source.create({ data: { url: "https://example.org/lock-a", publisher: "First" } });
    await updateAtVersion(database.db.source, { id: source.id, version: 1 }, { publisher: "Second" }, stale);
    expect(await database.db.source.findUniqueOrThrow({ where: { id: source.id } })).toMatchObject({ publisher: "Second", version: 2 });
  });

  it("writes nothing and throws the conflict when the row has moved on", async () => {
    const source = await database.db.source.create({ data: { url: "https://example.org/lock-b", publisher: "First", version: 3 } });
    for (const version of [1, 2, 4]) {
      await expect(updateAtVersion(database.db.source, { id: source.id, version }, { publisher: "Late" }, stale)).rejects.toMatchObject({
        status: 409,
        code: "conflict",
      });
    }
    expect(await database.db.source.findUniqueOrThrow({ where: { id: source.id } })).toEqual(source);
  });

  it("throws the conflict for a row that is not there", async () => {
    await expect(updateAtVersion(database.db.producer, { id: "missing", version: 1 }, { name: "X" }, stale)).rejects.toMatchObject({
      status: 409,
    });
  });

  it("lets exactly one of several writers of the same version through", async () => {
    const producer = await database.db.producer.create({ data: { name: "Race", type: "media" } });
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) =>
        updateAtVersion(database.db.producer, { id: producer.id, version: 1 }, { name: `Race ${i}` }, stale),
      ),
    );
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(await database.db.producer.findUniqueOrThrow({ where: { id: producer.id } })).toMatchObject({ version: 2 });
  });
});
