import pg from "pg";
import { startApp, type RunningApp } from "../app-server";
import type { BenchSection } from "../context";
import { createBenchDatabase, type BenchDatabase } from "../databases";
import { addDraftBatches, userWithSession } from "../editor-data";
import { sequentialLatency } from "../http-load";
import type { BenchLine } from "../report";
import { fillSyntheticData } from "../synthetic-data";
import { batchStamp } from "../../../lib/observations/review-stamp";

// (g) The review queue and the editor dashboard with 100,000 drafts waiting (ten CSV import batches
// of 10,000, as staff might leave them after a season of imports) against the same pages with one
// page of drafts (50) waiting, in one run on one database; the target is a p50 of 300 ms at
// 100,000.

const BASE_DRAFTS = 50;
const BATCHES = 10;
const TARGET_MS = 300;

type Figures = {
  queue: number;
  queueByBatch: number;
  queueByProducer: number;
  queueLastPage: number;
  dashboard: number;
  reviewerDashboard: number;
};

export const reviewQueueSection: BenchSection = {
  id: "g",
  title: "review queue and dashboard: 100,000 drafts waiting against 50",
  async run({ quick, log }) {
    const large = quick ? 5_000 : 100_000;
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
      const producer = "synthetic-producer-ngo";
      const measure = async (batchId: string): Promise<Figures> => ({
        queue: await p50("/es/editor/review", reviewer),
        queueByBatch: await p50(`/es/editor/review?batch=${batchId}`, reviewer),
        queueByProducer: await p50(`/es/editor/review?producer=${producer}`, reviewer),
        // The furthest page the queue reaches (page 200 of 50 drafts: the counted 10,000).
        queueLastPage: await p50("/es/editor/review?page=200", reviewer),
        dashboard: await p50("/es/editor", importer),
        reviewerDashboard: await p50("/es/editor", reviewer),
      });

      await addDraftBatches(client.current, { count: BASE_DRAFTS, batches: 1, tag: "0", authorId: "importer" });
      await expectSignedIn("/es/editor/review", reviewer, 'data-batch="bench-batch-0-0"');
      await expectSignedIn("/es/editor", importer, "bench-batch-0-0-1");
      const small = await measure("bench-batch-0-0");
      const started = performance.now();
      await addDraftBatches(client.current, { count: large - BASE_DRAFTS, batches: BATCHES, tag: "1", authorId: "importer" });
      log(
        `${large.toLocaleString("en")} drafts waiting in ${BATCHES + 1} import batches (${((performance.now() - started) / 1000).toFixed(1)} s to write)`,
      );
      // The last batch: the furthest from the queue's first page.
      const big = await measure(`bench-batch-1-${BATCHES - 1}`);

      // Publishing a whole batch (one request, all or none): a batch of the large queue against the 50-draft one.
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
        absoluteTarget: { max: TARGET_MS },
      });
      return [
        line("review queue, first page", "queue"),
        line("review queue, filtered by import batch", "queueByBatch"),
        line("review queue, filtered by producer", "queueByProducer"),
        line("review queue, page 200 (the last one paged)", "queueLastPage"),
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
