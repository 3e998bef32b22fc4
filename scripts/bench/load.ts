// npm run load [-- --seconds 60] [-- --connections 100] [-- --url http://host:port]
// Holds many connections open against public pages and the API at once and reports errors and
// latency. Without --url it builds and starts the app on a fresh PostgreSQL database of its own.
import autocannon from "autocannon";
import { buildApp, startApp, type RunningApp } from "./app-server";
import { createSeededDatabase } from "./seeded-database";
import type { BenchDatabase } from "./databases";

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 && args[index + 1] ? args[index + 1]! : fallback;
};
const seconds = Number(option("seconds", "60"));
const connections = Number(option("connections", "100"));

// What readers and dashboards ask for when a story breaks, in both languages.
const PATHS = [
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
  // Each address once first, as the first readers of a story would fill the cache.
  for (const path of PATHS) {
    const response = await fetch(target + path);
    if (!response.ok) throw new Error(`${path} answered ${response.status}`);
    await response.arrayBuffer();
  }
  console.error(`[load] ${connections} connections for ${seconds} s over ${PATHS.length} public pages and API paths at ${target}`);
  const result = await autocannon({
    url: target,
    connections,
    duration: seconds,
    requests: PATHS.map((path) => ({ method: "GET", path })),
  });
  const errors = result.errors + result.timeouts;
  if (errors) console.error(`[load] ${result.errors} errors, of which ${result.timeouts} timeouts`);
  console.log(
    [
      "| connections | seconds | requests | req/s (mean) | p50 | p99 | max | errors | non-2xx |",
      "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
      `| ${connections} | ${seconds} | ${result.requests.total} | ${result.requests.average} | ${result.latency.p50} ms | ${result.latency.p99} ms | ${result.latency.max} ms | ${errors} | ${result.non2xx} |`,
    ].join("\n"),
  );
  process.exitCode = errors || result.non2xx ? 1 : 0;
} finally {
  await app?.stop();
  await database?.drop();
}
