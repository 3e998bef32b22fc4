import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBenchDatabase, type BenchDatabase } from "@/scripts/bench/databases";
import { prepareDatabase } from "../../server/database/prepare";
import { startApp, type RunningApp } from "@/scripts/bench/app-server";
import { firstAdminCookie } from "./first-admin";

// The server dies half-way through a large CSV import. Needs the production build (npm run test:faults).

let database: BenchDatabase;
let app: RunningApp;
// More than one batch of the importer's (5,000 rows).
const ROWS = 12_000;

const csv = [
  "indicator,value,asOf,datePrecision,producer,producerType,sourceUrl,publisher",
  ...Array.from(
    { length: ROWS },
    (_, i) =>
      `homicide_rate,${i + 0.5},2026-01-01,day,Synthetic Interrupt Observatory ${i % 7},academic,https://example.org/synthetic-interrupt-${i % 11},Example Publisher`,
  ),
].join("\n");
const mapping = Object.fromEntries(
  ["indicator", "value", "asOf", "datePrecision", "producer", "producerType", "sourceUrl", "publisher"].map((field) => [field, field]),
);

/** One query on a connection of its own, outside the app's pool. */
async function query<Row extends object>(sql: string): Promise<Row[]> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    return (await client.query<Row>(sql)).rows;
  } finally {
    await client.end();
  }
}

async function counts() {
  const [row] = await query<Record<"observations" | "history" | "producers" | "sources", string>>(
    `SELECT (SELECT count(*) FROM "Observation") AS observations, (SELECT count(*) FROM "ChangeEntry") AS history,
            (SELECT count(*) FROM "Producer") AS producers, (SELECT count(*) FROM "Source") AS sources`,
  );
  return {
    observations: Number(row!.observations),
    history: Number(row!.history),
    producers: Number(row!.producers),
    sources: Number(row!.sources),
  };
}

/** Backends of this database waiting for a lock: the import, stopped at the history table. */
const waitingForLock = async () =>
  (
    await query(
      `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`,
    )
  ).length;

/** Any transaction of this database still open: a killed client's is rolled back and closed. */
const openTransactions = async () =>
  (
    await query(
      `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND xact_start IS NOT NULL AND pid <> pg_backend_pid()`,
    )
  ).length;

beforeAll(async () => {
  database = await createBenchDatabase();
  await prepareDatabase(database.url, () => {});
  app = await startApp({ databaseUrl: database.url, direct: true });
}, 120_000);

afterAll(async () => {
  await app?.stop();
  await database?.drop();
});

describe("a CSV import interrupted half-way", () => {
  it("leaves nothing of itself when the server is killed mid-write, and works once the server is back", async () => {
    const cookie = await firstAdminCookie(app.url);
    const before = await counts();

    // Half-way, deterministically: a trigger installed for this test lets the import's first batch
    // of figures in, then makes its second batch wait for a lock the test holds.
    const blocker = new pg.Client({ connectionString: database.url });
    await blocker.connect();
    await blocker.query(`
      CREATE FUNCTION fault_pause_second_batch() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF coalesce(current_setting('fault.batches', true), '') = 'one' THEN
          PERFORM pg_advisory_xact_lock_shared(4242);
        END IF;
        PERFORM set_config('fault.batches', 'one', true);
        RETURN NULL;
      END $$;
      CREATE TRIGGER fault_pause AFTER INSERT ON "Observation" FOR EACH STATEMENT EXECUTE FUNCTION fault_pause_second_batch();`);
    await blocker.query("BEGIN");
    await blocker.query("SELECT pg_advisory_xact_lock(4242)");
    const upload = fetch(`${app.url}/api/editor/imports`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie },
      body: JSON.stringify({ csv, mapping }),
    }).then(
      (response) => response.status,
      () => "connection lost" as const,
    );
    await expect.poll(waitingForLock, { timeout: 60_000, interval: 50 }).toBe(1);
    await app.stop("SIGKILL");
    expect(await upload).toBe("connection lost");
    await blocker.query("ROLLBACK");
    await blocker.query(`DROP TRIGGER fault_pause ON "Observation"; DROP FUNCTION fault_pause_second_batch()`);
    await blocker.end();
    // PostgreSQL notices the dead client and rolls its transaction back.
    await expect.poll(openTransactions, { timeout: 15_000 }).toBe(0);
    expect(await counts()).toEqual(before);

    app = await startApp({ databaseUrl: database.url, direct: true });
    const signedIn = await fetch(`${app.url}/api/editor/session`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "faults@example.org", password: "a long enough password" }),
    });
    const retry = await fetch(`${app.url}/api/editor/imports`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: signedIn.headers.get("set-cookie")!.split(";")[0]! },
      body: JSON.stringify({ csv, mapping }),
    });
    expect(retry.status).toBe(201);
    expect((await counts()).observations).toBe(before.observations + ROWS);
  }, 180_000);
});
