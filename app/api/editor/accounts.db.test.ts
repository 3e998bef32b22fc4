import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/testing/test-database";
import { observationInput, TEST_HOST, TEST_PASSWORD, createTestIndicator } from "@/testing/editor-fixtures";
import { CLIENT_ADDRESS_HEADER } from "@/lib/api/client-address";

let database: TestDatabase;
let session: typeof import("./session/route");
let setup: typeof import("./setup/route");
let password: typeof import("./password/route");
let tokens: typeof import("./tokens/route");
let token: typeof import("./tokens/[id]/route");
let v1: typeof import("../v1/observations/route");

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  session = await import("./session/route");
  setup = await import("./setup/route");
  password = await import("./password/route");
  tokens = await import("./tokens/route");
  token = await import("./tokens/[id]/route");
  v1 = await import("../v1/observations/route");
  await createTestIndicator(database.db);
});
afterAll(() => database.drop());

const headers = (extra: Record<string, string> = {}) => ({
  host: TEST_HOST,
  origin: `http://${TEST_HOST}`,
  "content-type": "application/json",
  ...extra,
});
const post = (path: string, body: unknown, extra: Record<string, string> = {}, method = "POST") =>
  new Request(`http://${TEST_HOST}${path}`, {
    method,
    headers: headers(extra),
    body: body === undefined ? undefined : JSON.stringify(body),
  });
const cookieOf = (response: Response) => response.headers.get("set-cookie")!.split(";")[0]!;
const signIn = (email: string, pass: string, address = "203.0.113.1", extra: Record<string, string> = {}) =>
  session.POST(post("/api/editor/session", { email, password: pass }, { [CLIENT_ADDRESS_HEADER]: address, ...extra }));

describe("first run", () => {
  it("creates the first admin only while nobody has an account", async () => {
    const first = await setup.POST(post("/api/editor/setup", { email: "Admin@Example.org", displayName: "Ana", password: TEST_PASSWORD }));
    expect(first.status).toBe(201);
    expect((await database.db.user.findFirstOrThrow()).email).toBe("admin@example.org");
    expect((await database.db.user.findFirstOrThrow()).passwordHash).toMatch(/^\$argon2id\$/);
    const second = await setup.POST(
      post("/api/editor/setup", { email: "intruder@example.org", displayName: "Eve", password: TEST_PASSWORD }),
    );
    expect(second.status).toBe(403);
    expect(await database.db.user.count()).toBe(1);
  });
});

describe("signing in and out", () => {
  it("sets an httpOnly, SameSite cookie for a new server-side session, and logout ends it", async () => {
    const response = await signIn("admin@example.org", TEST_PASSWORD);
    expect(response.status).toBe(200);
    const setCookie = response.headers.get("set-cookie")!;
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    const cookie = cookieOf(response);
    expect(await database.db.session.count()).toBe(2); // the setup session and this one

    const tokenResponse = await tokens.POST(post("/api/editor/tokens", { name: "script" }, { cookie }));
    expect(tokenResponse.status).toBe(201);

    const out = await session.DELETE(post("/api/editor/session", undefined, { cookie }, "DELETE"));
    expect(out.status).toBe(200);
    expect(await database.db.session.count()).toBe(1);
    const after = await tokens.POST(post("/api/editor/tokens", { name: "script" }, { cookie }));
    expect(after.status).toBe(401);
  });

  it("starts a new session at every sign-in, ending the one the browser brought", async () => {
    const first = cookieOf(await signIn("admin@example.org", TEST_PASSWORD));
    const second = await signIn("admin@example.org", TEST_PASSWORD, "203.0.113.1", { cookie: first });
    expect(cookieOf(second)).not.toBe(first);
    expect((await tokens.POST(post("/api/editor/tokens", { name: "x" }, { cookie: first }))).status).toBe(401);
  });

  it("expires: a session past its end signs no one in, and the cookie says when it ends", async () => {
    const response = await signIn("admin@example.org", TEST_PASSWORD, "203.0.113.9");
    const expires = /Expires=([^;]+)/.exec(response.headers.get("set-cookie")!)?.[1];
    expect(new Date(expires!).getTime()).toBeGreaterThan(Date.now());
    const cookie = cookieOf(response);
    expect((await tokens.POST(post("/api/editor/tokens", { name: "before expiry" }, { cookie }))).status).toBe(201);

    const newest = await database.db.session.findFirstOrThrow({ orderBy: { createdAt: "desc" } });
    await database.db.session.update({ where: { id: newest.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await tokens.POST(post("/api/editor/tokens", { name: "after expiry" }, { cookie }))).status).toBe(401);
  });

  it("answers unknown accounts and wrong passwords the same way, then slows both down", async () => {
    const unknown = await signIn("nobody@example.org", "wrong password!", "198.51.100.7");
    const wrong = await signIn("admin@example.org", "wrong password!", "198.51.100.8");
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(await unknown.json()).toEqual(await wrong.json());

    for (let attempt = 0; attempt < 3; attempt += 1) await signIn("admin@example.org", "wrong password!", "198.51.100.8");
    const throttled = await signIn("admin@example.org", TEST_PASSWORD, "198.51.100.9");
    expect(throttled.status).toBe(429);
    expect(Number(throttled.headers.get("retry-after"))).toBeGreaterThan(0);
    // The same limit applies per address, whatever the account.
    for (let attempt = 0; attempt < 4; attempt += 1) await signIn(`someone${attempt}@example.org`, "wrong password!", "198.51.100.50");
    expect((await signIn("other@example.org", "whatever password", "198.51.100.50")).status).toBe(429);
    await database.db.loginThrottle.deleteMany();
  });
});

describe("password change", () => {
  it("needs the current password and ends every session of the account", async () => {
    const cookie = cookieOf(await signIn("admin@example.org", TEST_PASSWORD, "192.0.2.10"));
    const other = cookieOf(await signIn("admin@example.org", TEST_PASSWORD, "192.0.2.10"));
    const wrong = await password.POST(
      post("/api/editor/password", { currentPassword: "nope", newPassword: "a brand new passphrase" }, { cookie }),
    );
    expect(wrong.status).toBe(400);
    const changed = await password.POST(
      post("/api/editor/password", { currentPassword: TEST_PASSWORD, newPassword: "a brand new passphrase" }, { cookie }),
    );
    expect(changed.status).toBe(200);
    expect(await database.db.session.count()).toBe(0);
    expect((await tokens.POST(post("/api/editor/tokens", { name: "x" }, { cookie: other }))).status).toBe(401);
    expect((await signIn("admin@example.org", "a brand new passphrase", "192.0.2.10")).status).toBe(200);
  });
});

describe("API tokens", () => {
  it("are shown once, stored hashed, record their last use, and stop working when revoked", async () => {
    const cookie = cookieOf(await signIn("admin@example.org", "a brand new passphrase", "192.0.2.11"));
    const created = (await (await tokens.POST(post("/api/editor/tokens", { name: "importer" }, { cookie }))).json()).data;
    expect(created.secret).toMatch(/^ctk_/);
    const stored = await database.db.apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(stored.tokenHash).not.toContain(created.secret);
    expect(stored.lastUsedAt).toBeNull();

    const bearer = { authorization: `Bearer ${created.secret}`, origin: "https://scripts.example" };
    const submitted = await v1.POST(post("/api/v1/observations", observationInput(), bearer));
    expect(submitted.status).toBe(201);
    expect((await submitted.json()).data.status).toBe("draft");
    expect((await database.db.apiToken.findUniqueOrThrow({ where: { id: created.id } })).lastUsedAt).not.toBeNull();

    expect(
      (
        await token.DELETE(post(`/api/editor/tokens/${created.id}`, undefined, { cookie }, "DELETE"), {
          params: Promise.resolve({ id: created.id }),
        })
      ).status,
    ).toBe(200);
    const refused = await v1.POST(post("/api/v1/observations", observationInput(), bearer));
    expect(refused.status).toBe(401);
  });
});
