import pg from "pg";
import { seedFromFiles } from "../../lib/dataset/load-seed";
import { createDatabaseClient } from "../../lib/db/client";
import { createBenchDatabase, type BenchDatabase } from "./databases";

/** A fresh PostgreSQL database holding the real dataset, as `npm start` would load it. */
export async function createSeededDatabase(): Promise<BenchDatabase> {
  const database = await createBenchDatabase();
  const db = createDatabaseClient(database.url, 2);
  try {
    await seedFromFiles(db);
  } finally {
    await db.$disconnect();
  }
  return database;
}

/** The indicator with the most published figures: the heaviest page the dataset has. */
export async function busiestIndicator(databaseUrl: string): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ slug: string }>(
      `SELECT i.slug FROM "Indicator" i JOIN "Observation" o ON o."indicatorId" = i.id AND o.status = 'published'
       GROUP BY i.slug ORDER BY count(*) DESC, i.slug LIMIT 1`,
    );
    if (!rows[0]) throw new Error("the database holds no published figure");
    return rows[0].slug;
  } finally {
    await client.end();
  }
}
