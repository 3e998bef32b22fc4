// npm run data:export -- FILE: everything (drafts, history, users without password hashes) as JSON.
import { writeFile } from "node:fs/promises";
import { exportBackup } from "../lib/dataset/backup";
import { createDatabaseClient } from "../lib/db/client";
import { withDatabase } from "../server/database/with-database";

const file = process.argv[2];
if (!file) {
  console.error("Name the file to write: npm run data:export -- backup.json");
  process.exit(1);
}
await withDatabase(async (url) => {
  const db = createDatabaseClient(url, 2);
  try {
    await writeFile(file, `${JSON.stringify(await exportBackup(db), null, 1)}\n`);
    console.log(`Wrote ${file}`);
  } finally {
    await db.$disconnect();
  }
});
