import pg from "pg";
import { newSecret } from "../../lib/auth/tokens";

// Editors and import batches of drafts for the editor workspace's benchmarks (sections g and h),
// written as the sign-in and the CSV import would write them, set-based so 100,000 drafts take seconds.

/** A user with a session; answers the cookie header that carries it. */
export async function userWithSession(client: pg.Client, id: string, role: "editor" | "reviewer" | "admin"): Promise<string> {
  await client.query(
    `INSERT INTO "User" (id, email, "displayName", "passwordHash", role, "updatedAt") VALUES ($1, $1 || '@bench.example', 'Bench ' || $1, 'unused', $2::"Role", now())`,
    [id, role],
  );
  const { secret, hash } = newSecret("cs_");
  await client.query(`INSERT INTO "Session" (id, "userId", "expiresAt") VALUES ($1, $2, now() + interval '1 day')`, [hash, id]);
  // Production names the cookie __Host-…; an http bench server may go without the prefix: send both.
  return `__Host-contraste_session=${secret}; contraste_session=${secret}`;
}

/** Drafts whose note carries this word: one in NOTED_EVERY, for a search matching a few drafts among many. */
export const NOTED_WORD = "revisar-cifra-dudosa";
const NOTED_EVERY = 1_000;

/**
 * `count` drafts by `authorId`, as imports write them: `batches` batches named `bench-batch-<tag>-<b>`,
 * one after another, each in one instant; indicators and producers taken in turn from those present.
 */
export async function addDraftBatches(client: pg.Client, options: { count: number; batches: number; tag: string; authorId: string }) {
  const { count, batches, tag, authorId } = options;
  const perBatch = Math.ceil(count / batches);
  const [{ indicators }] = (
    await client.query<{ indicators: string[] }>(`SELECT array_agg(id ORDER BY slug) AS indicators FROM "Indicator"`)
  ).rows as [{ indicators: string[] }];
  const [{ producers }] = (await client.query<{ producers: string[] }>(`SELECT array_agg(id ORDER BY id) AS producers FROM "Producer"`))
    .rows as [{ producers: string[] }];
  for (let b = 0; b < batches; b += 1) {
    const size = Math.min(perBatch, count - b * perBatch);
    if (size <= 0) break;
    const batchId = `bench-batch-${tag}-${b}`;
    await client.query(
      `INSERT INTO "ImportBatch" (id, "fileName", "createdById", "draftCount", "createdAt") VALUES ($1, $2, $3, $4, now() AT TIME ZONE 'UTC' + make_interval(secs => $5::int))`,
      [batchId, `semana-${tag}-${b}.csv`, authorId, size, b],
    );
    await client.query(
      `INSERT INTO "Observation" (id, "indicatorId", "producerId", "sourceId", value, "asOf", "datePrecision", attribution, "noteEs", status,
                                  "authorId", "contributorIds", "importBatchId", "createdAt", "updatedAt")
       SELECT $1 || '-' || n, ($3::text[])[1 + n % cardinality($3::text[])], ($4::text[])[1 + n % cardinality($4::text[])],
              (SELECT id FROM "Source" ORDER BY id LIMIT 1), n, date '1990-01-01' + n % 10000, 'day', 'Bench import',
              CASE WHEN n % ${NOTED_EVERY} = 0 THEN 'Nota: ${NOTED_WORD} ' || n END, 'draft', $5, ARRAY[$5], $1,
              now() AT TIME ZONE 'UTC' + make_interval(secs => $6::int), now() AT TIME ZONE 'UTC'
       FROM generate_series(1, $2::int) AS n`,
      [batchId, size, indicators, producers, authorId, b],
    );
  }
  await client.query(`ANALYZE "Observation"`);
}
