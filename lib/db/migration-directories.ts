import { readdir } from "node:fs/promises";
import path from "node:path";

/** Prisma's standard layout: prisma/migrations/<timestamp>_<name>/migration.sql */
export const MIGRATIONS_DIR = path.resolve("prisma/migrations");

/** The migrations this version of the app expects, oldest first. */
export async function listMigrationDirectories(): Promise<string[]> {
  const entries = await readdir(MIGRATIONS_DIR, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}
