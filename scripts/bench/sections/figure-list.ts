import pg from "pg";
import { newSecret } from "../../../lib/auth/tokens";
import { startApp, type RunningApp } from "../app-server";
import type { BenchSection } from "../context";
import { createBenchDatabase, type BenchDatabase } from "../databases";
import { sequentialLatency } from "../http-load";
import type { BenchLine } from "../report";
import { fillSyntheticData } from "../synthetic-data";

// (h) The editor's figure list (every figure, searched and filtered) over 100,000 figures against
// the same pages over 1,000: unfiltered, a search that matches nothing (it reads every figure), a
// search by producer name, and filters by indicator, status and producer type.

type Figures = { all: number; searchNothing: number; searchProducer: number; filtered: number; deepPage: number };

/** An editor with a session, written as the sign-in would; answers the cookie header that carries it. */
async function editorSession(databaseUrl: string): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO "User" (id, email, "displayName", "passwordHash", role, "updatedAt") VALUES ('bench-editor', 'editor@bench.example', 'Bench editor', 'unused', 'editor', now())`,
    );
    const { secret, hash } = newSecret("cs_");
    await client.query(`INSERT INTO "Session" (id, "userId", "expiresAt") VALUES ($1, 'bench-editor', now() + interval '1 day')`, [hash]);
    // Production names the cookie __Host-…; an http bench server may go without the prefix: send both.
    return `__Host-contraste_session=${secret}; contraste_session=${secret}`;
  } finally {
    await client.end();
  }
}

export const figureListSection: BenchSection = {
  id: "h",
  title: "figure list: 100,000 figures against 1,000",
  async run({ quick, log }) {
    const sizes = quick ? [1_000, 20_000] : [1_000, 100_000];
    const requests = quick ? 5 : 20;
    const figures: Figures[] = [];
    for (const size of sizes) {
      let database: BenchDatabase | undefined;
      let app: RunningApp | undefined;
      try {
        database = await createBenchDatabase();
        const { indicatorSlugs } = await fillSyntheticData(database.url, { observations: size });
        const cookie = await editorSession(database.url);
        log(`${size.toLocaleString("en")} figures written`);
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
          filtered: await p50(`?indicator=${slug}&status=published&type=ngo`),
          deepPage: await p50("?page=100"),
        });
      } finally {
        await app?.stop();
        await database?.drop();
      }
    }
    const [small, large] = figures as [Figures, Figures];
    const [smallSize, largeSize] = sizes.map((size) => size.toLocaleString("en")) as [string, string];
    const line = (what: string, key: keyof Figures): BenchLine => ({
      measure: `h. figure list, ${what}, at ${largeSize} figures · p50 latency`,
      unit: "ms",
      contraste: large[key],
      baseline: small[key],
      baselineLabel: `the same at ${smallSize} figures`,
      higherIsBetter: false,
      absoluteTarget: { max: 1_000 },
    });
    return [
      line("first page", "all"),
      line("a search matching nothing", "searchNothing"),
      line("a search by producer", "searchProducer"),
      line("indicator, status and type", "filtered"),
      line("page 100", "deepPage"),
    ];
  },
};
