// npm run db:seed: validates prisma/data/ and loads it as published data. Safe to run again.
import { DatasetError } from "../lib/dataset/parse-dataset";
import { seedFromFiles } from "../lib/dataset/load-seed";
import { createDatabaseClient } from "../lib/db/client";
import { withDatabase } from "../server/database/with-database";

try {
  const report = await withDatabase(async (url) => {
    const db = createDatabaseClient(url, 2);
    try {
      return await seedFromFiles(db);
    } finally {
      await db.$disconnect();
    }
  });
  console.table(report);
} catch (error) {
  if (!(error instanceof DatasetError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
