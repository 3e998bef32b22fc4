import { seedFromFiles } from "../../lib/dataset/load-seed";
import { createDatabaseClient } from "../../lib/db/client";
import { applyMigrations } from "./migrations";

// The first start's composition: the schema (server/database) and then the dataset (lib/dataset). It
// lives in server/, which assembles the app from lib/ and may call into it; lib/ never calls back up
// here, so the domain's seeding stays usable by the scripts and the tests without the server.

/**
 * Brings a database to the current schema and, when it holds no indicator yet, loads the dataset.
 * A database that holds it already is never upgraded at start: `npm run db:seed` shows the plan of
 * an upgrade (with --dry-run) and applies it, so whoever runs it sees what readers will see change.
 */
export async function prepareDatabase(databaseUrl: string, log: (line: string) => void = console.log): Promise<void> {
  const applied = await applyMigrations(databaseUrl);
  if (applied.length) log(`Applied migrations: ${applied.join(", ")}`);
  const db = createDatabaseClient(databaseUrl, 2);
  try {
    if ((await db.indicator.count()) === 0) {
      const { report } = await seedFromFiles(db);
      log(`Loaded the dataset: ${report.indicators.created} indicators, ${report.observations.created} observations.`);
    }
  } finally {
    await db.$disconnect();
  }
}
