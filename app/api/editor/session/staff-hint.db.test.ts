import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { hasStaffHint } from "@/lib/auth/cookies";
import { TEST_HOST, TEST_PASSWORD } from "@/testing/editor-fixtures";
import { createTestDatabase, type TestDatabase } from "@/testing/test-database";

// Public pages are one cached HTML for everyone; a signed-in editor's browser reveals an "Edit" link
// beside each figure from a cookie scripts can read. That cookie must come and go with the session
// and grant nothing by itself.

let database: TestDatabase;
let session: typeof import("./route");
let tokens: typeof import("../tokens/route");

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  session = await import("./route");
  tokens = await import("../tokens/route");
  await database.db.user.create({
    data: { email: "hint@example.org", displayName: "Hint", role: "admin", passwordHash: await hashPassword(TEST_PASSWORD) },
  });
});
afterAll(() => database.drop());
afterEach(() => vi.unstubAllEnvs());

const request = (method: string, path: string, body?: unknown, cookie?: string) =>
  new Request(`http://${TEST_HOST}${path}`, {
    method,
    headers: { host: TEST_HOST, origin: `http://${TEST_HOST}`, "content-type": "application/json", ...(cookie ? { cookie } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
const setCookieNamed = (response: Response, name: string) =>
  response.headers.getSetCookie().find((cookie) => cookie.startsWith(`${name}=`));
const expiry = (cookie: string | undefined) => /Expires=([^;]+)/.exec(cookie ?? "")?.[1];

describe("the staff hint cookie", () => {
  it("is set at sign-in for as long as the session, readable by scripts, and cleared at sign-out", async () => {
    const signedIn = await session.POST(request("POST", "/api/editor/session", { email: "hint@example.org", password: TEST_PASSWORD }));
    expect(signedIn.status).toBe(200);
    const hint = setCookieNamed(signedIn, "contraste_staff");
    expect(hint).toMatch(/^contraste_staff=1; Path=\//);
    expect(hint).not.toMatch(/HttpOnly/i);
    expect(expiry(hint)).toBeDefined();
    expect(expiry(hint)).toBe(expiry(setCookieNamed(signedIn, "contraste_session")));
    expect(hasStaffHint(hint!.split(";")[0]!)).toBe(true);

    const sessionPair = setCookieNamed(signedIn, "contraste_session")!.split(";")[0]!;
    const signedOut = await session.DELETE(request("DELETE", "/api/editor/session", undefined, sessionPair));
    expect(signedOut.status).toBe(200);
    expect(setCookieNamed(signedOut, "contraste_staff")).toMatch(/^contraste_staff=; Path=\/; Max-Age=0/);
    expect(setCookieNamed(signedOut, "contraste_session")).toMatch(/Max-Age=0/);
  });

  it("goes by a __Host- name with Secure in production, like the session", async () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("CONTRASTE_INSECURE_COOKIES", "");
    const signedIn = await session.POST(request("POST", "/api/editor/session", { email: "hint@example.org", password: TEST_PASSWORD }));
    const hint = setCookieNamed(signedIn, "__Host-contraste_staff");
    expect(hint).toMatch(/; Secure(;|$)/);
    expect(hint).not.toMatch(/HttpOnly|Domain=/i);
    expect(hasStaffHint(`a=b; ${hint!.split(";")[0]!}`)).toBe(true);
  });

  it("grants nothing on its own", async () => {
    const asHintOnly = await tokens.POST(request("POST", "/api/editor/tokens", { name: "hint only" }, "contraste_staff=1"));
    expect(asHintOnly.status).toBe(401);
    expect(hasStaffHint("contraste_staff=0; other=1")).toBe(false);
    expect(hasStaffHint("")).toBe(false);
  });
});
