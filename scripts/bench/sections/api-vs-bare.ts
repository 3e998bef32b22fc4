import { isDeepStrictEqual } from "node:util";
import { startApp } from "../app-server";
import type { BenchSection } from "../context";
import { measureLoad } from "../http-load";
import { startBaseline } from "../processes";
import type { BenchLine } from "../report";
import { busiestIndicator, createSeededDatabase } from "../seeded-database";

// (b) The observations endpoint, from the cache and with the cache off, against a bare node:http + pg server.
export const apiVsBareSection: BenchSection = {
  id: "b",
  title: "API observations against a bare node:http + pg server",
  async run({ quick, log }) {
    const database = await createSeededDatabase();
    const slug = await busiestIndicator(database.url);
    const path = `/api/v1/indicators/${slug}/observations`;
    const [cachedApp, uncachedApp, bare] = await Promise.all([
      startApp({ databaseUrl: database.url }),
      startApp({ databaseUrl: database.url, env: { CONTRASTE_CACHE: "off" } }),
      startBaseline("bare-api-server.ts", [database.url]),
    ]);
    try {
      const bodies = await Promise.all([cachedApp.url, bare.url].map(async (url) => (await fetch(url + path)).json()));
      if (!isDeepStrictEqual(bodies[0], bodies[1]))
        throw new Error("the bare server's JSON differs from the API's; the comparison would not be fair");
      const load = { connections: 10, seconds: quick ? 2 : 10 };
      log(`${path}: ${JSON.stringify(bodies[0]).length} bytes; ${load.connections} connections for ${load.seconds} s each`);
      const measure = async (url: string) => {
        await measureLoad(url + path, { ...load, seconds: 1 });
        const result = await measureLoad(url + path, load);
        if (result.errors || result.non2xx)
          throw new Error(`${url}${path} answered ${result.errors} errors and ${result.non2xx} non-2xx responses`);
        return result;
      };
      const baseline = await measure(bare.url);
      const cached = await measure(cachedApp.url);
      const uncached = await measure(uncachedApp.url);
      const baselineLabel = "node:http + pg, one SQL query, same JSON";
      const lines: BenchLine[] = [];
      for (const [label, result] of [
        ["from the cache", cached],
        ["cache off", uncached],
      ] as const) {
        lines.push(
          {
            measure: `b. API observations (${label}) · p50 latency`,
            unit: "ms",
            contraste: result.p50,
            baseline: baseline.p50,
            baselineLabel,
            higherIsBetter: false,
            target: { max: 1.5 },
          },
          {
            measure: `b. API observations (${label}) · p99 latency`,
            unit: "ms",
            contraste: result.p99,
            baseline: baseline.p99,
            baselineLabel,
            higherIsBetter: false,
          },
          {
            measure: `b. API observations (${label}) · throughput`,
            unit: "req/s",
            contraste: result.requestsPerSecond,
            baseline: baseline.requestsPerSecond,
            baselineLabel,
            higherIsBetter: true,
          },
        );
      }
      return lines;
    } finally {
      await Promise.all([cachedApp.stop(), uncachedApp.stop(), bare.stop()]);
      await database.drop();
    }
  },
};
