import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/testing/test-database";
import { TEST_HOST, TEST_PASSWORD } from "@/testing/editor-fixtures";

let database: TestDatabase;
let setup: typeof import("./route");

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  setup = await import("./route");
});
afterAll(() => database.drop());

const setupRequest = (index: number) =>
  new Request(`http://${TEST_HOST}/api/editor/setup`, {
    method: "POST",
    headers: { host: TEST_HOST, origin: `http://${TEST_HOST}`, "content-type": "application/json" },
    body: JSON.stringify({ email: `admin${index}@example.org`, displayName: `Admin ${index}`, password: TEST_PASSWORD }),
  });

describe("first-run setup under a race", () => {
  it("ten parallel setup requests create exactly one admin; the others are told setup is closed", async () => {
    const responses = await Promise.all(Array.from({ length: 10 }, (_, index) => setup.POST(setupRequest(index))));
    const created = responses.filter((response) => response.status === 201);
    const refused = responses.filter((response) => response.status !== 201);
    expect(created).toHaveLength(1);
    expect(refused.map((response) => response.status)).toEqual(Array(9).fill(403));
    for (const response of refused) expect((await response.json()).error.code).toBe("setup_closed");
    expect(await database.db.user.count()).toBe(1);
    expect(await database.db.user.count({ where: { role: "admin" } })).toBe(1);
    // Only the winner got a session.
    expect(await database.db.session.count()).toBe(1);
  });
});
