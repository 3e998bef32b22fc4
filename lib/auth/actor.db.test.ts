import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCallers, createTestIndicator, fingerprint, observationInput, request, type Callers } from "../../testing/editor-fixtures";
import { createTestDatabase, type TestDatabase } from "../../testing/test-database";

// An API token acts for the admin who made it: it stops working when that person may no longer act.
let database: TestDatabase;
let callers: Callers;
let create: typeof import("@/app/api/editor/observations/route");

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  create = await import("@/app/api/editor/observations/route");
  await createTestIndicator(database.db);
  callers = await createCallers(database.db);
});
afterAll(() => database.drop());

const submit = () => create.POST(request("POST", "/api/editor/observations", callers.token, observationInput()));

async function expectUnauthenticated() {
  const before = await fingerprint(database.db);
  const response = await submit();
  expect(response.status).toBe(401);
  expect(((await response.json()) as { error: { code: string } }).error.code).toBe("unauthenticated");
  expect(await fingerprint(database.db)).toBe(before);
}

describe("API tokens and their creator", () => {
  it("works while its creator is an active admin", async () => {
    expect((await submit()).status).toBe(201);
  });

  it("stops working (401) once its creator is disabled, and works again when they are re-enabled", async () => {
    await database.db.user.update({ where: { id: callers.ids.admin }, data: { disabledAt: new Date() } });
    await expectUnauthenticated();
    await database.db.user.update({ where: { id: callers.ids.admin }, data: { disabledAt: null } });
    expect((await submit()).status).toBe(201);
  });

  it("stops working (401) once its creator is no longer an admin", async () => {
    await database.db.user.update({ where: { id: callers.ids.admin }, data: { role: "reviewer" } });
    await expectUnauthenticated();
    await database.db.user.update({ where: { id: callers.ids.admin }, data: { role: "admin" } });
    expect((await submit()).status).toBe(201);
  });
});
