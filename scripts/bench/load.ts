// npm run load [-- --cold [--addresses N]] [-- --seconds 60] [-- --connections 100] [-- --url http://host:port]
// Holds many connections open against public pages and the API at once and reports errors and
// latency. Without --url it builds the app (BENCH_SKIP_BUILD=1 reuses the build in NEXT_DIST_DIR or
// .next) and starts it on a fresh PostgreSQL database of its own.
//
// Warm (the default): a story breaks and readers ask for a handful of pages for `--seconds`, each
// address asked for once first, so the load is served from the response cache.
// Cold (--cold): every reader asks for an address no one asked for before: each indicator page and
// embed in both languages with many chart states, every figure's page, the events, sources and change
// pages, and the API's observations with distinct filters. Each address is asked for once, so every
// request is a first render (the cache starts empty on a freshly started app; against --url it holds
// whatever that server has kept).
import { loadavg } from "node:os";
import autocannon from "autocannon";
import { z } from "zod";
import { buildApp, startApp, type RunningApp } from "./app-server";
import { createSeededDatabase } from "./seeded-database";
import type { BenchDatabase } from "./databases";

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 && args[index + 1] ? args[index + 1]! : fallback;
};
const cold = args.includes("--cold");
const seconds = Number(option("seconds", "60"));
const connections = Number(option("connections", "100"));
// Cold: ask for only the first N addresses of the (fixed) order, for a shorter run.
const addressLimit = Number(option("addresses", "0")) || Number.POSITIVE_INFINITY;

// What readers and dashboards ask for when a story breaks, in both languages.
const WARM_PATHS = [
  "/es",
  "/en",
  "/es/indicators/homicide_rate",
  "/en/indicators/homicide_rate",
  "/en/indicators/prison_population?view=table",
  "/es/indicators/deaths_in_custody_cumulative",
  "/en/embed/homicide_rate",
  "/en/events",
  "/en/sources",
  "/es/changes",
  "/api/v1/indicators",
  "/api/v1/indicators/homicide_rate/observations",
  "/api/v1/indicators/soe_arrests_cumulative/observations?format=csv",
  "/api/v1/events",
  "/api/v1/changes",
];

const LOCALES = ["es", "en"] as const;
// Chart states a reader reaches from the page's own controls or a shared link (lib/charts/chart-state.ts).
const CHART_STATES = [
  "",
  "?view=table",
  "?view=table&page=2",
  "?view=table&sort=value&dir=desc",
  "?from=2019",
  "?to=2021",
  "?from=2015&to=2020",
  "?hide=government",
  "?hide=media,ngo",
  "?sources=firsthand",
  "?scale=log",
  "?events=0",
];
// Filters a dashboard polls the observations endpoint with (lib/public-api/parameters.ts).
const OBSERVATION_FILTERS = [
  "",
  "?producerType=government",
  "?producerType=ngo,media",
  "?hide=government",
  "?from=2020-01-01",
  "?to=2022-12-31",
  "?from=2019-01-01&to=2023-12-31",
  "?format=csv",
  "?limit=5",
  "?includeRetracted=true",
];
const SOURCE_CLASSES = ["primary", "press", "secondary"];

const IndicatorList = z.object({ data: z.array(z.object({ slug: z.string() })) });
const FigureList = z.object({ data: z.array(z.object({ id: z.string() })) });

async function getJson<T>(url: string, schema: z.ZodType<T>): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return schema.parse(await response.json());
}

/**
 * Every address the cold run asks for, each once, in an order that mixes kinds of page. The slugs and
 * figure ids come from the API (/api/v1/indicators, and each indicator's observations with ?all=true):
 * those few addresses are the only ones rendered before the load and are not part of it.
 */
async function coldPaths(target: string): Promise<string[]> {
  const { data: indicators } = await getJson(`${target}/api/v1/indicators`, IndicatorList);
  const slugs = indicators.map((indicator) => indicator.slug);
  const figureIds: string[] = [];
  for (const slug of slugs) {
    const { data } = await getJson(`${target}/api/v1/indicators/${slug}/observations?all=true`, FigureList);
    figureIds.push(...data.map((figure) => figure.id));
  }
  const paths: string[] = [];
  for (const locale of LOCALES) {
    paths.push(`/${locale}`, `/${locale}/events`, `/${locale}/sources`, `/${locale}/changes`, `/${locale}/changes/feed.xml`);
    paths.push(`/${locale}/api-docs`, `/${locale}/sources?page=2`);
    for (const sourceClass of SOURCE_CLASSES) paths.push(`/${locale}/sources?class=${sourceClass}`);
    for (const slug of slugs) {
      for (const state of CHART_STATES) paths.push(`/${locale}/indicators/${slug}${state}`);
      paths.push(`/${locale}/embed/${slug}`, `/${locale}/embed/${slug}?view=table`, `/${locale}/events?indicator=${slug}`);
    }
    for (const id of figureIds) paths.push(`/${locale}/figures/${id}`);
  }
  paths.push("/api/v1/events", "/api/v1/events?kind=renewal", "/api/v1/events?from=2022-01-01", "/api/v1/changes", "/api/v1/sources");
  for (const sourceClass of SOURCE_CLASSES) paths.push(`/api/v1/sources?class=${sourceClass}`);
  for (const slug of slugs) {
    paths.push(`/api/v1/indicators/${slug}`);
    for (const filter of OBSERVATION_FILTERS) paths.push(`/api/v1/indicators/${slug}/observations${filter}`);
  }
  return shuffled(paths);
}

/** The same order on every run (a fixed-seed shuffle), so runs are comparable. */
function shuffled<T>(items: T[]): T[] {
  const result = [...items];
  let seed = 17;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  for (let i = result.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [result[i], result[j]] = [result[j]!, result[i]!];
  }
  return result;
}

/** Samples the machine's one-minute load average every second until stopped; the readings. */
function sampleLoad() {
  const readings: number[] = [loadavg()[0]!];
  const timer = setInterval(() => readings.push(loadavg()[0]!), 1000);
  return () => {
    clearInterval(timer);
    readings.push(loadavg()[0]!);
    return readings;
  };
}

let database: BenchDatabase | undefined;
let app: RunningApp | undefined;
let target = option("url", "");
try {
  if (!target) {
    buildApp();
    database = await createSeededDatabase();
    app = await startApp({ databaseUrl: database.url });
    target = app.url;
  }
  let options: autocannon.Options;
  let failures = new Map<string, number>();
  let described: string;
  if (cold) {
    const paths = (await coldPaths(target)).slice(0, addressLimit);
    let next = 0;
    // Each connection takes the next address no one has asked for yet; the path travels in the
    // connection's context so that a non-2xx answer can name it.
    options = {
      url: target,
      connections: Math.min(connections, paths.length),
      amount: paths.length,
      requests: [
        {
          method: "GET",
          setupRequest: (request, context) => {
            const path = paths[next++ % paths.length]!;
            (context as { path?: string }).path = path;
            return { ...request, path };
          },
          onResponse: (status, _body, context) => {
            if (status < 200 || status > 299) {
              const key = `${status} ${(context as { path?: string }).path}`;
              failures.set(key, (failures.get(key) ?? 0) + 1);
            }
          },
        },
      ],
    };
    described = `${options.connections} connections over ${paths.length} distinct addresses, each asked for once, on a cold cache`;
  } else {
    // Each address once first, as the first readers of a story would fill the cache.
    for (const path of WARM_PATHS) {
      const response = await fetch(target + path);
      if (!response.ok) throw new Error(`${path} answered ${response.status}`);
      await response.arrayBuffer();
    }
    options = { url: target, connections, duration: seconds, requests: WARM_PATHS.map((path) => ({ method: "GET", path })) };
    failures = new Map();
    described = `${connections} connections for ${seconds} s over ${WARM_PATHS.length} public pages and API paths`;
  }
  console.error(`[load] ${described} at ${target} (client timeout ${options.timeout ?? 10} s)`);
  const stopSampling = sampleLoad();
  const started = performance.now();
  const result = await autocannon(options);
  const elapsed = (performance.now() - started) / 1000;
  const load = stopSampling();
  // autocannon counts a timeout among its errors too.
  const errors = result.errors;
  if (errors) console.error(`[load] ${result.errors} errors, of which ${result.timeouts} timeouts`);
  for (const [failure, count] of failures) console.error(`[load] ${failure}${count > 1 ? ` ×${count}` : ""}`);
  console.log(
    [
      "| mode | connections | seconds | requests | req/s (mean) | p50 | p99 | max | errors | non-2xx | load average (1 min, min–max) |",
      "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
      `| ${cold ? "cold" : "warm"} | ${options.connections} | ${elapsed.toFixed(1)} | ${result.requests.total} | ${result.requests.average} | ${result.latency.p50} ms | ${result.latency.p99} ms | ${result.latency.max} ms | ${errors} | ${result.non2xx} | ${Math.min(...load).toFixed(2)}–${Math.max(...load).toFixed(2)} |`,
    ].join("\n"),
  );
  process.exitCode = errors || result.non2xx ? 1 : 0;
} finally {
  await app?.stop();
  await database?.drop();
}
