import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client";
import { requireDatabaseUrl } from "./config";

export type Database = PrismaClient;

// PostgreSQL compiles a query to machine code (JIT) once the planner expects it to be expensive;
// for the pages' reads, compiling costs tens of milliseconds more than it saves, and whether it
// happens depends on how many figures are stored, so latency would jump as the data grows. Each new
// connection turns it off before its first query (PGlite has no JIT and ignores it).
export const onConnect = async (client: { query(sql: string): Promise<unknown> }) => {
  await client.query("SET jit = off");
};

export function createDatabaseClient(databaseUrl: string, poolSize = 10): Database {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: poolSize, onConnect }) });
}

// One client per server process; Next's dev server reloads modules, so it is kept on globalThis.
const holder = globalThis as typeof globalThis & { contrasteDb?: Database };

export function getDb(): Database {
  holder.contrasteDb ??= createDatabaseClient(requireDatabaseUrl(), Number(process.env.CONTRASTE_DB_POOL_SIZE ?? 10));
  return holder.contrasteDb;
}
