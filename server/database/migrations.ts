import { readFile } from "node:fs/promises";
import path from "node:path";
import type { MigrationList } from "@prisma/schema-engine-wasm";
import { listMigrationDirectories, MIGRATIONS_DIR } from "../../lib/db/migration-directories";
import { openSchemaEngine } from "./schema-engine";

const LOCKFILE = "migration_lock.toml";

async function readOptional(file: string): Promise<string | null> {
  try {
    return await readFile(file, "utf8");
  } catch {
    return null;
  }
}

export async function loadMigrationList(): Promise<MigrationList> {
  const directories = await listMigrationDirectories();
  return {
    baseDir: MIGRATIONS_DIR,
    lockfile: { path: LOCKFILE, content: await readOptional(path.join(MIGRATIONS_DIR, LOCKFILE)) },
    shadowDbInitScript: "",
    migrationDirectories: await Promise.all(
      directories.map(async (directory) => {
        const sql = await readOptional(path.join(MIGRATIONS_DIR, directory, "migration.sql"));
        return {
          path: directory,
          migrationFile: {
            path: "migration.sql",
            content:
              sql === null ? { tag: "error" as const, value: `missing ${directory}/migration.sql` } : { tag: "ok" as const, value: sql },
          },
        };
      }),
    ),
  };
}

/** Applies every migration not yet recorded in `_prisma_migrations` (the table `prisma migrate deploy` uses). */
export async function applyMigrations(databaseUrl: string): Promise<string[]> {
  const { engine, close } = await openSchemaEngine(databaseUrl);
  try {
    const { appliedMigrationNames } = await engine.applyMigrations({
      migrationsList: await loadMigrationList(),
      filters: { externalTables: [], externalEnums: [] },
    });
    return appliedMigrationNames;
  } finally {
    await close();
  }
}
