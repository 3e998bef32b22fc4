import type { Database } from "../lib/db/client";
import { hashPassword } from "../lib/auth/password";
import { createSession, SESSION_COOKIE } from "../lib/auth/session";
import { newSecret } from "../lib/auth/tokens";
import { createTestDatabase, type TestDatabase } from "./test-database";

export const TEST_HOST = "contraste.test";
export const TEST_PASSWORD = "correct horse battery staple";

export type Caller = { name: string; headers: Record<string, string> };
export type Callers = Record<"anonymous" | "editor" | "reviewer" | "admin" | "token", Caller> & {
  ids: { editor: string; reviewer: string; admin: string; token: string };
};

const sameSite = { host: TEST_HOST, origin: `http://${TEST_HOST}`, "content-type": "application/json" };

export async function createUserWithSession(db: Database, role: "editor" | "reviewer" | "admin", label: string = role) {
  const user = await db.user.create({
    data: { email: `${label}@example.org`, displayName: `${label} display`, role, passwordHash: await hashPassword(TEST_PASSWORD) },
  });
  const { token } = await createSession(user.id);
  return { user, headers: { ...sameSite, cookie: `${SESSION_COOKIE}=${token}` } };
}

/** One caller of each kind: anonymous, each role signed in, and an API token. */
export async function createCallers(db: Database): Promise<Callers> {
  const editor = await createUserWithSession(db, "editor");
  const reviewer = await createUserWithSession(db, "reviewer");
  const admin = await createUserWithSession(db, "admin");
  const { secret, hash } = newSecret("ctk_");
  const token = await db.apiToken.create({
    data: { name: "test script", tokenHash: hash, tokenPrefix: secret.slice(0, 10), createdById: admin.user.id },
  });
  return {
    anonymous: { name: "anonymous", headers: sameSite },
    editor: { name: "editor", headers: editor.headers },
    reviewer: { name: "reviewer", headers: reviewer.headers },
    admin: { name: "admin", headers: admin.headers },
    token: { name: "token", headers: { "content-type": "application/json", host: TEST_HOST, authorization: `Bearer ${secret}` } },
    ids: { editor: editor.user.id, reviewer: reviewer.user.id, admin: admin.user.id, token: token.id },
  };
}

export async function createTestIndicator(db: Database, slug = "test_indicator") {
  return db.indicator.create({
    data: {
      slug,
      nameEn: "Test",
      nameEs: "Prueba",
      descriptionEn: "Test",
      descriptionEs: "Prueba",
      unit: "people",
      theme: "state_of_exception",
      valueKind: "cumulative_count",
    },
  });
}

export function observationInput(overrides: Record<string, unknown> = {}) {
  return {
    indicatorSlug: "test_indicator",
    value: "120",
    qualifier: "exact",
    asOf: "2024-01-01",
    datePrecision: "year",
    producer: { name: "Test NGO", type: "ngo" },
    source: { url: "https://example.org/report", publisher: "Example" },
    ...overrides,
  };
}

export function request(method: string, path: string, caller: Caller, body?: unknown, extraHeaders: Record<string, string> = {}) {
  return new Request(`http://${TEST_HOST}${path}`, {
    method,
    headers: { ...caller.headers, ...extraHeaders },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** Everything a refused call must leave untouched. */
export async function fingerprint(db: Database) {
  const [observations, changes, users, tokens, sessions, producers, sources, referenceChanges] = await Promise.all([
    db.observation.findMany({ orderBy: { id: "asc" }, select: { id: true, status: true, version: true, value: true, updatedAt: true } }),
    db.changeEntry.count(),
    db.user.findMany({ orderBy: { id: "asc" }, select: { id: true, passwordHash: true, updatedAt: true } }),
    db.apiToken.findMany({ orderBy: { id: "asc" }, select: { id: true, revokedAt: true } }),
    db.session.count(),
    db.producer.count(),
    db.source.count(),
    db.referenceChange.findMany({ orderBy: { id: "asc" }, select: { id: true, status: true } }),
  ]);
  return JSON.stringify({ observations, changes, users, tokens, sessions, producers, sources, referenceChanges });
}

/**
 * A fresh database for tests that call route handlers (they read DATABASE_URL when first imported),
 * with the test indicator and a caller of each kind.
 */
export async function createRouteTestbed(): Promise<{ database: TestDatabase; callers: Callers }> {
  const database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  await createTestIndicator(database.db);
  return { database, callers: await createCallers(database.db) };
}

/** The columns of a CSV with every required import field, and the mapping that reads them. */
export const TEST_CSV_HEADER = "Indicator,Value,Date,Precision,Who,Type,Link,Outlet";
export const TEST_CSV_MAPPING = {
  indicator: "Indicator",
  value: "Value",
  asOf: "Date",
  datePrecision: "Precision",
  producer: "Who",
  producerType: "Type",
  sourceUrl: "Link",
  publisher: "Outlet",
};
