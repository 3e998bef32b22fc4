import "server-only";
import pg from "pg";
import { logError } from "../observability/logger";
import { onConnect } from "./client";
import { requireDatabaseUrl } from "./config";

// The hottest public reads (a page of the observations API) are one hand-written SQL statement
// each, sent straight through `pg`: no query planning in Prisma's client, no second round trip.
// Entity modules hold the SQL and type its rows; this module only owns the connections.
//
// pg's global type parsers are left as they are (other code in the process reads through pg too).
// Queries here cast dates and timestamps to text in SQL and read them back per query.

// One pool per server process, beside Prisma's; Next's dev server reloads modules, so it is kept on globalThis.
const holder = globalThis as typeof globalThis & { contrasteSqlPool?: pg.Pool };

function createPool(): pg.Pool {
  const pool = new pg.Pool({
    connectionString: requireDatabaseUrl(),
    max: Number(process.env.CONTRASTE_DB_POOL_SIZE ?? 10),
    onConnect,
  });
  // An idle connection the server drops (a restart, the embedded database stopping) must not end the
  // process; the pool discards it and the next query opens a fresh one.
  pool.on("error", (error) => logError("idle database connection lost", error));
  return pool;
}

const sqlPool = (): pg.Pool => (holder.contrasteSqlPool ??= createPool());

/** Runs one statement with `$1…` parameters and gives its rows, typed as the caller's SQL names them. */
export async function queryRows<Row extends pg.QueryResultRow>(text: string, params: readonly unknown[] = []): Promise<Row[]> {
  const result = await sqlPool().query<Row>(text, params as unknown[]);
  return result.rows;
}

/** Closes the pool (scripts and tests that end the process tidily); the next query opens a new one. */
export async function closeSqlPool(): Promise<void> {
  const pool = holder.contrasteSqlPool;
  delete holder.contrasteSqlPool;
  await pool?.end();
}
