// npm run db:seed: validates prisma/data/ and loads it as published data. On a database that holds an
// earlier version of the dataset it applies the changes as published corrections, each with its
// reason; `npm run db:seed -- --dry-run` prints that plan and writes nothing. Safe to run again.
import { DatasetError } from "../lib/dataset/parse-dataset";
import { seedFromFiles } from "../lib/dataset/load-seed";
import { describePlan } from "../lib/dataset/plan-text";
import { createDatabaseClient } from "../lib/db/client";
import { invalidateCacheOnCommit } from "../server/cache/invalidation";
import { withDatabase } from "../server/database/with-database";

// A running app hears of the changes and drops the pages that showed the figures before them.
invalidateCacheOnCommit();

const dryRun = process.argv.includes("--dry-run");
try {
  const outcome = await withDatabase(async (url) => {
    const db = createDatabaseClient(url, 2);
    try {
      return await seedFromFiles(db, undefined, { dryRun });
    } finally {
      await db.$disconnect();
    }
  });
  console.log(dryRun ? "Dry run: nothing was written.\n" : "");
  console.log(describePlan(outcome.plan, { dryRun }));
  console.log("");
  console.table(outcome.report);
} catch (error) {
  if (!(error instanceof DatasetError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
