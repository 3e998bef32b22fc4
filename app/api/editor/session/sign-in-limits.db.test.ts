import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { CLIENT_ADDRESS_HEADER } from "@/lib/api/client-address";
import { TEST_HOST, TEST_PASSWORD } from "@/testing/editor-fixtures";
import { createTestDatabase, type TestDatabase } from "@/testing/test-database";

let database: TestDatabase;
let session: typeof import("./route");
let password: typeof import("../password/route");
let tokens: typeof import("../tokens/route");

const ACCOUNTS = ["alice", "bob", "carol", "dave", "erin", "frank", "gina", "hugo"] as const;

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  session = await import("./route");
  password = await import("../password/route");
  tokens = await import("../tokens/route");
  const passwordHash = await hashPassword(TEST_PASSWORD);
  await database.db.user.createMany({
    data: ACCOUNTS.map((name) => ({ email: `${name}@example.org`, displayName: name, role: "admin" as const, passwordHash })),
  });
});
afterAll(() => database.drop());
// The clock stands still during each test (and moves only where a test moves it), so a lock never
// runs out between two requests however slowly they are answered.
beforeEach(() => vi.useFakeTimers({ toFake: ["Date"] }));
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllEnvs();
});

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  new Request(`http://${TEST_HOST}${path}`, {
    method: "POST",
    headers: { host: TEST_HOST, origin: `http://${TEST_HOST}`, "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
const signIn = (email: string, pass: string, address: string, cookie?: string) =>
  session.POST(post("/api/editor/session", { email, password: pass }, { [CLIENT_ADDRESS_HEADER]: address, ...(cookie ? { cookie } : {}) }));
/** What a browser sends back after this response: every cookie it set, as name=value pairs. */
const browserCookies = (response: Response) =>
  response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0]!)
    .join("; ");
const setCookieNamed = (response: Response, name: string) =>
  response.headers.getSetCookie().find((cookie) => cookie.startsWith(`${name}=`));

describe("an attacker who knows an editor's email", () => {
  it("cannot lock the editor out of a device they signed in on before", async () => {
    const known = await signIn("alice@example.org", TEST_PASSWORD, "192.0.2.1");
    expect(known.status).toBe(200);
    const alicesBrowser = browserCookies(known);

    // Wrong passwords from many addresses over two hours, each sent as soon as the last lock ran out:
    // the account is locked for anyone without a known device.
    for (let attempt = 1; attempt <= 8; attempt += 1) {
      vi.setSystemTime(Date.now() + 16 * 60_000);
      expect((await signIn("alice@example.org", "wrong password!", `198.51.100.${attempt}`)).status).toBe(401);
    }
    expect((await signIn("alice@example.org", "wrong password!", "198.51.100.9")).status).toBe(429);

    const fromKnownDevice = await signIn("alice@example.org", TEST_PASSWORD, "192.0.2.99", alicesBrowser);
    expect(fromKnownDevice.status).toBe(200);

    // A new device (no cookie) still meets the account's limit...
    const fromNewDevice = await signIn("alice@example.org", TEST_PASSWORD, "192.0.2.100");
    expect(fromNewDevice.status).toBe(429);
    expect(Number(fromNewDevice.headers.get("retry-after"))).toBeGreaterThan(0);

    // ...and so does a device known to another account.
    const bobsBrowser = browserCookies(await signIn("bob@example.org", TEST_PASSWORD, "192.0.2.50"));
    expect((await signIn("alice@example.org", TEST_PASSWORD, "192.0.2.101", bobsBrowser)).status).toBe(429);
  });

  it("cannot guess without limit with a device cookie stolen from the editor", async () => {
    const carolsBrowser = browserCookies(await signIn("carol@example.org", TEST_PASSWORD, "192.0.2.2"));
    const statuses: number[] = [];
    for (let attempt = 1; attempt <= 6; attempt += 1)
      statuses.push((await signIn("carol@example.org", "wrong password!", `203.0.113.${attempt}`, carolsBrowser)).status);
    expect(statuses.filter((status) => status === 401).length).toBeLessThanOrEqual(4);
    expect(statuses.at(-1)).toBe(429);
    expect((await signIn("carol@example.org", TEST_PASSWORD, "203.0.113.200", carolsBrowser)).status).toBe(429);
  });

  it("gets at most the limit of guesses checked, however many are sent at once", async () => {
    const responses = await Promise.all(
      Array.from({ length: 30 }, (_, index) => signIn("dave@example.org", `wrong password ${index}`, `198.18.0.${index + 1}`)),
    );
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 401).length).toBeLessThanOrEqual(4);
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(26);
    expect(statuses.every((status) => status === 401 || status === 429)).toBe(true);
  });
});

describe("an editor who mistyped", () => {
  it("starts with free tries again a day after the last failure", async () => {
    const statuses = async (count: number, firstAddress: number) => {
      const answers: number[] = [];
      for (let attempt = 0; attempt < count; attempt += 1)
        answers.push((await signIn("hugo@example.org", "wrong password!", `203.0.113.${firstAddress + attempt}`)).status);
      return answers;
    };
    expect(await statuses(5, 50)).toEqual([401, 401, 401, 401, 429]);
    vi.setSystemTime(Date.now() + 25 * 3_600_000);
    expect(await statuses(4, 60)).toEqual([401, 401, 401, 401]);
    expect((await signIn("hugo@example.org", TEST_PASSWORD, "203.0.113.70")).status).toBe(429);
  });
});

describe("password change", () => {
  it("limits guesses of the current password per account", async () => {
    const cookie = browserCookies(await signIn("erin@example.org", TEST_PASSWORD, "192.0.2.3"));
    const before = await database.db.user.findUniqueOrThrow({ where: { email: "erin@example.org" } });
    const change = (currentPassword: string) =>
      password.POST(post("/api/editor/password", { currentPassword, newPassword: "a brand new passphrase" }, { cookie }));
    const statuses: number[] = [];
    for (let attempt = 1; attempt <= 8; attempt += 1) statuses.push((await change(`guess number ${attempt}`)).status);
    expect(statuses.filter((status) => status === 400).length).toBeLessThanOrEqual(4);
    expect(statuses.at(-1)).toBe(429);
    const locked = await change(TEST_PASSWORD);
    expect(locked.status).toBe(429);
    expect((await locked.json()).error.code).toBe("too_many_attempts");
    expect((await database.db.user.findUniqueOrThrow({ where: { email: "erin@example.org" } })).passwordHash).toBe(before.passwordHash);
  });

  it("takes their standing from every other known device, keeping the one that changed it", async () => {
    const browserA = browserCookies(await signIn("gina@example.org", TEST_PASSWORD, "192.0.2.6"));
    const browserB = browserCookies(await signIn("gina@example.org", TEST_PASSWORD, "192.0.2.7"));
    const changed = await password.POST(
      post("/api/editor/password", { currentPassword: TEST_PASSWORD, newPassword: "a brand new passphrase" }, { cookie: browserA }),
    );
    expect(changed.status).toBe(200);
    for (let attempt = 1; attempt <= 4; attempt += 1) await signIn("gina@example.org", "wrong password!", `198.51.100.${100 + attempt}`);
    expect((await signIn("gina@example.org", "a brand new passphrase", "192.0.2.8", browserB)).status).toBe(429);
    expect((await signIn("gina@example.org", "a brand new passphrase", "192.0.2.9", browserA)).status).toBe(200);
  });
});

describe("session cookie", () => {
  it("is a __Host- cookie in production: Secure, Path=/, no Domain", async () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("CONTRASTE_INSECURE_COOKIES", "");
    const response = await signIn("frank@example.org", TEST_PASSWORD, "192.0.2.4");
    expect(response.status).toBe(200);
    const sessionCookie = setCookieNamed(response, "__Host-contraste_session");
    expect(sessionCookie).toBeDefined();
    expect(sessionCookie).toMatch(/; Secure(;|$)/);
    expect(sessionCookie).toMatch(/; Path=\/(;|$)/);
    expect(sessionCookie).toMatch(/; HttpOnly(;|$)/);
    expect(sessionCookie).not.toMatch(/Domain=/i);
    for (const cookie of response.headers.getSetCookie()) expect(cookie).toMatch(/^__Host-/);

    const token = sessionCookie!.split(";")[0]!.slice("__Host-contraste_session=".length);
    const asSignedIn = (cookie: string) => tokens.POST(post("/api/editor/tokens", { name: "cookie check" }, { cookie }));
    expect((await asSignedIn(`__Host-contraste_session=${token}`)).status).toBe(201);
    // The unprefixed name could be planted by a neighbouring subdomain; production does not read it.
    expect((await asSignedIn(`contraste_session=${token}`)).status).toBe(401);
  });

  it("drops the prefix and Secure on plain-http test servers (CONTRASTE_INSECURE_COOKIES=1)", async () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("CONTRASTE_INSECURE_COOKIES", "1");
    const response = await signIn("frank@example.org", TEST_PASSWORD, "192.0.2.5");
    const sessionCookie = setCookieNamed(response, "contraste_session");
    expect(sessionCookie).toBeDefined();
    expect(sessionCookie).not.toMatch(/Secure/);
    expect(response.headers.getSetCookie().some((cookie) => cookie.startsWith("__Host-"))).toBe(false);
  });
});
