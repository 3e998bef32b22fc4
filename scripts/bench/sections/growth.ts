import http from "node:http";
import { startApp, type RunningApp } from "../app-server";
import type { BenchSection } from "../context";
import { createBenchDatabase, type BenchDatabase } from "../databases";
import { measureLoad, sequentialLatency } from "../http-load";
import type { BenchLine } from "../report";
import { fillSyntheticData } from "../synthetic-data";

type Figures = {
  overview: number;
  page: number;
  api: number;
  apiSameLength: number;
  cachedPage: number;
  cachedPageCompressed: number;
};

/**
 * The default API page holds up to 500 figures: 20 at the small size (each indicator's share), a
 * full 500 at the large one, so that line also measures a 25 times longer answer. Asking both for
 * 20 keeps the answer's length fixed and leaves what the data's size alone costs.
 */
const SAME_LENGTH_LIMIT = 20;

/** What Chromium sends: every reader's browser asks for a compressed page. */
const BROWSER_ENCODINGS = { "accept-encoding": "gzip, deflate, br, zstd" };

// (d) The same pages and API over 1,000 and over 1,000,000 synthetic observations (50 indicators).
export const growthSection: BenchSection = {
  id: "d",
  title: "growth: 1,000 against 1,000,000 observations",
  async run({ quick, log }) {
    const sizes = quick ? [1_000, 20_000] : [1_000, 1_000_000];
    const requests = quick ? 5 : 30;
    const figures: Figures[] = [];
    for (const size of sizes) {
      let database: BenchDatabase | undefined;
      const apps: RunningApp[] = [];
      try {
        database = await createBenchDatabase();
        const started = performance.now();
        const { indicatorSlugs } = await fillSyntheticData(database.url, { observations: size });
        log(`${size.toLocaleString("en")} synthetic observations written in ${((performance.now() - started) / 1000).toFixed(1)} s`);
        const slug = indicatorSlugs[Math.floor(indicatorSlugs.length / 2)]!;
        // Uncached: every request queries and renders; cached: what readers get between changes.
        const uncached = await startApp({ databaseUrl: database.url, env: { CONTRASTE_CACHE: "off" } });
        apps.push(uncached);
        const cached = await startApp({ databaseUrl: database.url });
        apps.push(cached);
        const p50 = async (url: string) => {
          await sequentialLatency(url, 2);
          return (await sequentialLatency(url, requests)).p50;
        };
        // The first reader renders the page (that is the uncached line); the load measures what the cache then serves.
        await sequentialLatency(`${cached.url}/en/indicators/${slug}`, 1);
        const cachedLoad = await measureLoad(`${cached.url}/en/indicators/${slug}`, { connections: 10, seconds: quick ? 2 : 5 });
        const cachedCompressedLoad = await measureLoad(`${cached.url}/en/indicators/${slug}`, {
          connections: 10,
          seconds: quick ? 2 : 5,
          headers: BROWSER_ENCODINGS,
        });
        // What the page and the API answer weigh at this size: the cached line serves these bytes.
        const bytesOf = async (url: string) => (await (await fetch(url)).arrayBuffer()).byteLength;
        // Counted on the wire: fetch would decompress the body.
        const compressedBytesOf = async (url: string) =>
          new Promise<number>((resolve, reject) => {
            http
              .get(url, { headers: BROWSER_ENCODINGS }, (response) => {
                let length = 0;
                response.on("data", (chunk: Buffer) => (length += chunk.length));
                response.on("end", () => resolve(length));
              })
              .on("error", reject);
          });
        log(
          `at ${size.toLocaleString("en")}: the indicator page is ${(await bytesOf(`${cached.url}/en/indicators/${slug}`)).toLocaleString("en")} bytes, ` +
            `the API's first page ${(await bytesOf(`${cached.url}/api/v1/indicators/${slug}/observations`)).toLocaleString("en")} bytes; ` +
            `the page as a browser receives it ${(await compressedBytesOf(`${cached.url}/en/indicators/${slug}`)).toLocaleString("en")} bytes`,
        );
        figures.push({
          overview: await p50(`${uncached.url}/en`),
          page: await p50(`${uncached.url}/en/indicators/${slug}`),
          api: await p50(`${uncached.url}/api/v1/indicators/${slug}/observations`),
          apiSameLength: await p50(`${uncached.url}/api/v1/indicators/${slug}/observations?limit=${SAME_LENGTH_LIMIT}`),
          cachedPage: cachedLoad.p50,
          cachedPageCompressed: cachedCompressedLoad.p50,
        });
      } finally {
        await Promise.all(apps.map((app) => app.stop()));
        await database?.drop();
      }
    }
    const [small, large] = figures as [Figures, Figures];
    const [smallSize, largeSize] = sizes.map((size) => size.toLocaleString("en")) as [string, string];
    const baselineLabel = `the same at ${smallSize} observations`;
    const line = (what: string, key: keyof Figures, target: BenchLine["target"] | null = { max: 1.5 }): BenchLine => ({
      measure: `d. ${what} at ${largeSize} observations · p50 latency`,
      unit: "ms",
      contraste: large[key],
      baseline: small[key],
      baselineLabel,
      higherIsBetter: false,
      target: target ?? undefined,
    });
    return [
      line("overview page, cache off", "overview"),
      line("indicator page, cache off", "page"),
      line("API observations, cache off", "api"),
      // Not the issue's measure (that is the line above, the default page): what lies under it.
      line(`API observations, cache off, ${SAME_LENGTH_LIMIT} figures a page at both sizes`, "apiSameLength", null),
      line("indicator page, cached, uncompressed", "cachedPage"),
      line("indicator page, cached, compressed as a browser asks", "cachedPageCompressed"),
    ];
  },
};
