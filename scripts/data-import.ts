// npm run data:import -- FILE: restores a backup into an empty, migrated database.
import { readFile } from "node:fs/promises";
import { BackupError, importBackup } from "../lib/dataset/backup";
import { createDatabaseClient } from "../lib/db/client";
import { invalidateCacheOnCommit } from "../server/cache/invalidation";
import { applyMigrations } from "../server/database/migrations";
import { withDatabase } from "../server/database/with-database";

// A running app hears of the restore and drops the pages it kept of the empty database.
invalidateCacheOnCommit();

const file = process.argv[2];
if (!file) {
  console.error("Name the backup file: npm run data:import -- backup.json");
  process.exit(1);
}
try {
  await withDatabase(async (url) => {
    await applyMigrations(url);
    const db = createDatabaseClient(url, 2);
    try {
      await importBackup(db, JSON.parse(await readFile(file, "utf8")));
      console.log(`Restored ${file}`);
    } finally {
      await db.$disconnect();
    }
  });
} catch (error) {
  if (!(error instanceof BackupError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
