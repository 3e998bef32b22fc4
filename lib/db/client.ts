import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client";
import { requireDatabaseUrl } from "./config";

export type Database = PrismaClient;

export function createDatabaseClient(databaseUrl: string, poolSize = 10): Database {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: poolSize }) });
}

// One client per server process; Next's dev server reloads modules, so it is kept on globalThis.
const holder = globalThis as typeof globalThis & { contrasteDb?: Database };

export function getDb(): Database {
  holder.contrasteDb ??= createDatabaseClient(requireDatabaseUrl(), Number(process.env.CONTRASTE_DB_POOL_SIZE ?? 10));
  return holder.contrasteDb;
}
