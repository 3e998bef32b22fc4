import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../testing/test-database";

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase({ migrate: false });
  process.env.DATABASE_URL = database.url;
});
afterAll(() => database.drop());

describe("/api/ready", () => {
  it("answers 503 until the migrations are applied, then 200", async () => {
    const { GET } = await import("@/app/api/ready/route");
    const before = await GET();
    expect(before.status).toBe(503);
    expect(before.headers.get("retry-after")).toBe("5");
    const { applyMigrations } = await import("../../server/database/migrations");
    await applyMigrations(database.url);
    const after = await GET();
    expect(after.status).toBe(200);
    expect(await after.json()).toEqual({ ready: true, database: true, pendingMigrations: [] });
  });
});
