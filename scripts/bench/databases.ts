import { randomBytes } from "node:crypto";
import { applyMigrations } from "../../server/database/migrations";
import { runOnServer } from "../../testing/test-database";

const SERVER_URL = process.env.BENCH_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

const onServer = (sql: string) => runOnServer(sql, SERVER_URL);

export async function checkServerReachable(): Promise<void> {
  try {
    await onServer("SELECT 1");
  } catch (error) {
    throw new Error(`The benchmarks need PostgreSQL at ${SERVER_URL} (set BENCH_POSTGRES_URL): ${(error as Error).message}`);
  }
}

export type BenchDatabase = { url: string; drop(): Promise<void> };

const created = new Set<string>();

/** A fresh, migrated PostgreSQL database for one benchmark; dropped by drop() or at exit by dropAllBenchDatabases(). */
export async function createBenchDatabase(): Promise<BenchDatabase> {
  const name = `contraste_bench_${randomBytes(5).toString("hex")}`;
  await onServer(`CREATE DATABASE ${name}`);
  created.add(name);
  const url = SERVER_URL.replace(/\/[^/?]*(\?|$)/, `/${name}$1`);
  await applyMigrations(url);
  return {
    url,
    async drop() {
      await onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      created.delete(name);
    },
  };
}

export async function dropAllBenchDatabases(): Promise<void> {
  for (const name of [...created]) {
    await onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
    created.delete(name);
  }
}
