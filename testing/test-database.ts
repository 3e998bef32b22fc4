import { randomBytes } from "node:crypto";
import pg from "pg";
import { createDatabaseClient, type Database } from "../lib/db/client";
import { startEmbeddedDatabase } from "../server/database/embedded";
import { applyMigrations } from "../server/database/migrations";

export type TestDatabase = { url: string; kind: "postgres" | "embedded"; db: Database; drop(): Promise<void> };

const SERVER_URL = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

async function serverIsReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: SERVER_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Runs one statement on a PostgreSQL server's maintenance database (creating and dropping databases). */
export async function runOnServer(sql: string, serverUrl = SERVER_URL): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

let chosenKind: Promise<"postgres" | "embedded"> | undefined;

/** CONTRASTE_TEST_DB=embedded forces PGlite; otherwise a reachable PostgreSQL server is used. */
function testDatabaseKind(): Promise<"postgres" | "embedded"> {
  chosenKind ??= (async () => {
    if (process.env.CONTRASTE_TEST_DB === "embedded") return "embedded";
    if (await serverIsReachable()) return "postgres";
    console.warn(`No PostgreSQL at ${SERVER_URL}; the tests run on the embedded database.`);
    return "embedded";
  })();
  return chosenKind;
}

/** A new, empty database of its own; migrated unless asked not to. Drop it when done. */
export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const kind = await testDatabaseKind();
  let url: string;
  let release: () => Promise<void>;
  if (kind === "postgres") {
    const name = `contraste_test_${randomBytes(6).toString("hex")}`;
    await runOnServer(`CREATE DATABASE ${name}`);
    url = SERVER_URL.replace(/\/[^/?]*(\?|$)/, `/${name}$1`);
    release = () => runOnServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } else {
    const embedded = await startEmbeddedDatabase({});
    url = embedded.url;
    release = embedded.stop;
  }
  if (options.migrate !== false) await applyMigrations(url);
  const db = createDatabaseClient(url, 4);
  return {
    url,
    kind,
    db,
    async drop() {
      await db.$disconnect();
      await release();
    },
  };
}
