import pg from "pg";
import { newSecret } from "../../../lib/auth/tokens";
import { startApp, type RunningApp } from "../app-server";
import type { BenchSection } from "../context";
import { createBenchDatabase, type BenchDatabase } from "../databases";
import { sequentialLatency } from "../http-load";
import type { BenchLine } from "../report";
import { fillSyntheticData } from "../synthetic-data";
import { batchStamp } from "../../../lib/observations/review-stamp";

// (g) The review queue and the editor dashboard with 10,000 drafts waiting (several CSV import
// batches, as staff leave them after a week of imports) against the same pages with one page of
// drafts (50) waiting, in one run on one database; the target is under 1 s at 10,000.

const BASE_DRAFTS = 50;
const BATCHES = 4;

type Figures = { queue: number; queueByBatch: number; dashboard: number; reviewerDashboard: number };

/** A user with a session, written as the sign-in would; answers the cookie header that carries it. */
async function userWithSession(client: pg.Client, id: string, role: string): Promise<string> {
  await client.query(
    `INSERT INTO "User" (id, email, "displayName", "passwordHash", role, "updatedAt") VALUES ($1, $1 || '@bench.example', 'Bench ' || $1, 'unused', $2::"Role", now())`,
    [id, role],
  );
  const { secret, hash } = newSecret("cs_");
  await client.query(`INSERT INTO "Session" (id, "userId", "expiresAt") VALUES ($1, $2, now() + interval '1 day')`, [hash, id]);
  // Production names the cookie __Host-…; an http bench server may go without the prefix: send both.
  return `__Host-contraste_session=${secret}; contraste_session=${secret}`;
}

/** `count` drafts by the importer, as an import writes them: one batch after another, each in one instant. */
async function addDrafts(client: pg.Client, count: number, batches: number, offset: number) {
  const perBatch = Math.ceil(count / batches);
  for (let b = 0; b < batches; b += 1) {
    const size = Math.min(perBatch, count - b * perBatch);
    if (size <= 0) break;
    const batchId = `bench-batch-${offset}-${b}`;
    await client.query(
      `INSERT INTO "ImportBatch" (id, "fileName", "createdById", "draftCount", "createdAt") VALUES ($1, $2, 'importer', $3, now() AT TIME ZONE 'UTC' + make_interval(secs => $4::int))`,
      [batchId, `semana-${offset}-${b}.csv`, size, b],
    );
    await client.query(
      `INSERT INTO "Observation" (id, "indicatorId", "producerId", "sourceId", value, "asOf", "datePrecision", attribution, status,
                                  "authorId", "contributorIds", "importBatchId", "createdAt", "updatedAt")
       SELECT $1 || '-' || n, i.id, p.id, s.id, n, date '1990-01-01' + n, 'day', 'Bench import', 'draft', 'importer', ARRAY['importer'], $1,
              now() AT TIME ZONE 'UTC' + make_interval(secs => $3::int), now() AT TIME ZONE 'UTC'
       FROM generate_series(1, $2::int) AS n
       CROSS JOIN LATERAL (SELECT id FROM "Indicator" ORDER BY slug OFFSET n % 10 LIMIT 1) AS i
       CROSS JOIN LATERAL (SELECT id FROM "Producer" ORDER BY id OFFSET n % 5 LIMIT 1) AS p
       CROSS JOIN LATERAL (SELECT id FROM "Source" ORDER BY id LIMIT 1) AS s`,
      [batchId, size, b],
    );
  }
  await client.query(`ANALYZE "Observation"`);
}

export const reviewQueueSection: BenchSection = {
  id: "g",
  title: "review queue and dashboard: 10,000 drafts waiting against 50",
  async run({ quick, log }) {
    const large = quick ? 2_000 : 10_000;
    const requests = quick ? 5 : 20;
    let database: BenchDatabase | undefined;
    let app: RunningApp | undefined;
    const client = { current: undefined as pg.Client | undefined };
    try {
      database = await createBenchDatabase();
      await fillSyntheticData(database.url, { observations: 1_000, indicators: 10 });
      client.current = new pg.Client({ connectionString: database.url });
      await client.current.connect();
      const importer = await userWithSession(client.current, "importer", "editor");
      const reviewer = await userWithSession(client.current, "reviewer", "reviewer");
      app = await startApp({ databaseUrl: database.url });
      // A page measured must be the signed-in one: a lost session would redirect to the sign-in page and time that.
      const expectSignedIn = async (path: string, cookie: string, marker: string) => {
        const response = await fetch(`${app!.url}${path}`, { headers: { cookie }, redirect: "manual" });
        const body = await response.text();
        if (response.status !== 200 || !body.includes(marker))
          throw new Error(`${path} did not answer the signed-in page (${response.status})`);
      };
      const p50 = async (path: string, cookie: string) => {
        await sequentialLatency(`${app!.url}${path}`, 5, { cookie });
        return (await sequentialLatency(`${app!.url}${path}`, requests, { cookie })).p50;
      };
      const measure = async (batchId: string): Promise<Figures> => ({
        queue: await p50("/es/editor/review", reviewer),
        queueByBatch: await p50(`/es/editor/review?batch=${batchId}`, reviewer),
        dashboard: await p50("/es/editor", importer),
        reviewerDashboard: await p50("/es/editor", reviewer),
      });

      await addDrafts(client.current, BASE_DRAFTS, 1, 0);
      await expectSignedIn("/es/editor/review", reviewer, 'data-batch="bench-batch-0-0"');
      await expectSignedIn("/es/editor", importer, "bench-batch-0-0-1");
      const small = await measure("bench-batch-0-0");
      const started = performance.now();
      await addDrafts(client.current, large - BASE_DRAFTS, BATCHES, 1);
      log(
        `${large.toLocaleString("en")} drafts waiting in ${BATCHES + 1} import batches (${((performance.now() - started) / 1000).toFixed(1)} s to write)`,
      );
      // The last batch: the furthest from the queue's first page.
      const big = await measure(`bench-batch-1-${BATCHES - 1}`);

      // Publishing a whole batch (one request, all or none): the largest batch against the 50-draft one.
      const publishBatch = async (batchId: string) => {
        const { rows } = await client.current!.query<{ waiting: number; latest: Date | null }>(
          `SELECT count(*)::int AS waiting, max("updatedAt") AS latest FROM "Observation" WHERE "importBatchId" = $1 AND status = 'draft' AND "sentBackAt" IS NULL`,
          [batchId],
        );
        const started = performance.now();
        const response = await fetch(`${app!.url}/api/editor/review/publish`, {
          method: "POST",
          headers: { cookie: reviewer, "content-type": "application/json" },
          body: JSON.stringify({ importBatchId: batchId, stamp: batchStamp(rows[0]!.waiting, rows[0]!.latest) }),
        });
        const body = await response.text();
        if (response.status !== 200) throw new Error(`publishing ${batchId} answered ${response.status}: ${body}`);
        return { ms: performance.now() - started, drafts: rows[0]!.waiting };
      };
      const smallPublish = await publishBatch("bench-batch-0-0");
      const largePublish = await publishBatch("bench-batch-1-0");

      const sizes = large.toLocaleString("en");
      const line = (what: string, key: keyof Figures): BenchLine => ({
        measure: `g. ${what} at ${sizes} drafts · p50 latency`,
        unit: "ms",
        contraste: big[key],
        baseline: small[key],
        baselineLabel: `the same at ${BASE_DRAFTS} drafts`,
        higherIsBetter: false,
        absoluteTarget: { max: 1_000 },
      });
      return [
        line("review queue, first page", "queue"),
        line("review queue, filtered by import batch", "queueByBatch"),
        line("dashboard of the importer (author of every draft)", "dashboard"),
        line("dashboard of a reviewer", "reviewerDashboard"),
        {
          measure: `g. publish a whole import batch of ${largePublish.drafts.toLocaleString("en")} drafts · one request`,
          unit: "ms",
          contraste: largePublish.ms,
          baseline: smallPublish.ms,
          baselineLabel: `a batch of ${smallPublish.drafts} drafts`,
          higherIsBetter: false,
          note: "one serializable transaction, one change entry per figure",
        },
      ];
    } finally {
      await client.current?.end();
      await app?.stop();
      await database?.drop();
    }
  },
};
