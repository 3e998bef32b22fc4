import { startApp, type RunningApp } from "../app-server";
import type { BenchSection } from "../context";
import { sequentialLatency } from "../http-load";
import type { BenchLine } from "../report";
import { createSeededDatabase } from "../seeded-database";

// (f) The same pages on the embedded database (PGlite) and on PostgreSQL, cache off so every request queries.
export const embeddedVsPostgresSection: BenchSection = {
  id: "f",
  title: "embedded database against PostgreSQL",
  async run({ quick }) {
    const requests = quick ? 5 : 30;
    const database = await createSeededDatabase();
    const apps: RunningApp[] = [];
    try {
      const postgres = await startApp({ databaseUrl: database.url, env: { CONTRASTE_CACHE: "off" } });
      apps.push(postgres);
      const embedded = await startApp({ env: { CONTRASTE_CACHE: "off" } });
      apps.push(embedded);
      const lines: BenchLine[] = [];
      for (const [label, path] of [
        ["overview page", "/en"],
        ["indicator page", "/en/indicators/homicide_rate"],
        ["API observations", "/api/v1/indicators/homicide_rate/observations"],
      ] as const) {
        const measure = async (app: RunningApp) => {
          await sequentialLatency(app.url + path, 2);
          return sequentialLatency(app.url + path, requests);
        };
        const onPostgres = await measure(postgres);
        const onEmbedded = await measure(embedded);
        lines.push({
          measure: `f. ${label} on the embedded database, cache off · p50 latency`,
          unit: "ms",
          contraste: onEmbedded.p50,
          baseline: onPostgres.p50,
          baselineLabel: "the same on PostgreSQL 15",
          higherIsBetter: false,
        });
      }
      return lines;
    } finally {
      await Promise.all(apps.map((app) => app.stop()));
      await database.drop();
    }
  },
};
