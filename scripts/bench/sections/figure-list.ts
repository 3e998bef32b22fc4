import pg from "pg";
import { startApp, type RunningApp } from "../app-server";
import type { BenchSection } from "../context";
import { createBenchDatabase, type BenchDatabase } from "../databases";
import { addDraftBatches, NOTED_WORD, userWithSession } from "../editor-data";
import { sequentialLatency } from "../http-load";
import type { BenchLine } from "../report";
import { fillSyntheticData } from "../synthetic-data";

// (h) The editor's figure list (every figure, searched and filtered) with 100,000 drafts from ten
// imports beside 100,000 published figures, against the same pages over 1,000 published figures and
// 50 drafts: unfiltered, searches (matching nothing, a producer's name, a word in a few drafts'
// notes), filters (indicator, status and type; the drafts; one import; one author) and deep pages.
// The target is a p50 of 300 ms.

const TARGET_MS = 300;
const BATCHES = 10;

type Figures = {
  all: number;
  searchNothing: number;
  searchProducer: number;
  searchNote: number;
  filtered: number;
  drafts: number;
  batch: number;
  author: number;
  deepPage: number;
  lastPage: number;
};

export const figureListSection: BenchSection = {
  id: "h",
  title: "figure list: 100,000 drafts and 100,000 published figures against 1,000 and 50",
  async run({ quick, log }) {
    const sizes = quick
      ? [
          { published: 1_000, drafts: 50 },
          { published: 10_000, drafts: 10_000 },
        ]
      : [
          { published: 1_000, drafts: 50 },
          { published: 100_000, drafts: 100_000 },
        ];
    const requests = quick ? 5 : 20;
    const figures: Figures[] = [];
    for (const size of sizes) {
      let database: BenchDatabase | undefined;
      let app: RunningApp | undefined;
      const client = { current: undefined as pg.Client | undefined };
      try {
        database = await createBenchDatabase();
        const { indicatorSlugs } = await fillSyntheticData(database.url, { observations: size.published });
        client.current = new pg.Client({ connectionString: database.url });
        await client.current.connect();
        const cookie = await userWithSession(client.current, "importer", "editor");
        const batches = Math.min(BATCHES, Math.ceil(size.drafts / 50));
        await addDraftBatches(client.current, { count: size.drafts, batches, tag: "1", authorId: "importer" });
        await client.current.query(`VACUUM ANALYZE "Observation"`);
        log(`${size.published.toLocaleString("en")} published figures and ${size.drafts.toLocaleString("en")} drafts written`);
        app = await startApp({ databaseUrl: database.url });
        const p50 = async (query: string) => {
          const url = `${app!.url}/es/editor/observations${query}`;
          await sequentialLatency(url, 2, { cookie });
          return (await sequentialLatency(url, requests, { cookie })).p50;
        };
        const slug = indicatorSlugs[Math.floor(indicatorSlugs.length / 2)]!;
        figures.push({
          all: await p50(""),
          searchNothing: await p50("?q=ninguna%20coincidencia"),
          searchProducer: await p50("?q=Synthetic%20NGO"),
          searchNote: await p50(`?q=${NOTED_WORD}`),
          filtered: await p50(`?indicator=${slug}&status=published&type=ngo`),
          drafts: await p50("?status=draft"),
          batch: await p50(`?batch=bench-batch-1-${batches - 1}`),
          author: await p50("?author=importer"),
          deepPage: await p50("?page=100"),
          lastPage: await p50("?page=200"),
        });
      } finally {
        await client.current?.end();
        await app?.stop();
        await database?.drop();
      }
    }
    const [small, large] = figures as [Figures, Figures];
    const label = (size: { published: number; drafts: number }) =>
      `${size.drafts.toLocaleString("en")} drafts and ${size.published.toLocaleString("en")} published`;
    const line = (what: string, key: keyof Figures): BenchLine => ({
      measure: `h. figure list, ${what}, at ${label(sizes[1]!)} · p50 latency`,
      unit: "ms",
      contraste: large[key],
      baseline: small[key],
      baselineLabel: `the same at ${label(sizes[0]!)}`,
      higherIsBetter: false,
      absoluteTarget: { max: TARGET_MS },
    });
    return [
      line("first page", "all"),
      line("a search matching nothing", "searchNothing"),
      line("a search by producer", "searchProducer"),
      line("a search for a word in a few drafts' notes", "searchNote"),
      line("indicator, status and type", "filtered"),
      line("the drafts", "drafts"),
      line("one import batch", "batch"),
      line("one author", "author"),
      line("page 100", "deepPage"),
      line("page 200 (the last one paged)", "lastPage"),
    ];
  },
};
