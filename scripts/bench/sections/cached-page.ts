import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startApp } from "../app-server";
import type { BenchSection } from "../context";
import { measureLoad } from "../http-load";
import { startBaseline } from "../processes";
import { busiestIndicator, createSeededDatabase } from "../seeded-database";

// (a) The cached indicator page against the same bytes served as a static file by node:http.
export const cachedPageSection: BenchSection = {
  id: "a",
  title: "cached indicator page against a static file of the same size",
  async run({ quick, log }) {
    const database = await createSeededDatabase();
    const slug = await busiestIndicator(database.url);
    const app = await startApp({ databaseUrl: database.url });
    const folder = mkdtempSync(path.join(tmpdir(), "contraste-bench-static-"));
    try {
      const pageUrl = `${app.url}/en/indicators/${slug}`;
      await fetch(pageUrl);
      const cached = await fetch(pageUrl);
      if (cached.headers.get("x-contraste-cache") !== "hit") throw new Error(`${pageUrl} was not served from the cache`);
      const html = Buffer.from(await cached.arrayBuffer());
      writeFileSync(path.join(folder, "page.html"), html);
      const staticServer = await startBaseline("static-file-server.ts", [path.join(folder, "page.html")]);
      try {
        const load = { connections: 10, seconds: quick ? 2 : 10 };
        log(`page /en/indicators/${slug}: ${html.length} bytes; ${load.connections} connections for ${load.seconds} s each`);
        await measureLoad(staticServer.url, { ...load, seconds: 1 });
        const baseline = await measureLoad(staticServer.url, load);
        await measureLoad(pageUrl, { ...load, seconds: 1 });
        const contraste = await measureLoad(pageUrl, load);
        if (contraste.errors || contraste.non2xx)
          throw new Error(`the page answered ${contraste.errors} errors and ${contraste.non2xx} non-2xx responses`);
        const baselineLabel = `node:http serving the same ${Math.round(html.length / 1024)} KB file`;
        return [
          {
            measure: "a. cached indicator page · throughput",
            unit: "req/s",
            contraste: contraste.requestsPerSecond,
            baseline: baseline.requestsPerSecond,
            baselineLabel,
            higherIsBetter: true,
            target: { min: 0.8 },
          },
          {
            measure: "a. cached indicator page · p50 latency",
            unit: "ms",
            contraste: contraste.p50,
            baseline: baseline.p50,
            baselineLabel,
            higherIsBetter: false,
          },
          {
            measure: "a. cached indicator page · p99 latency",
            unit: "ms",
            contraste: contraste.p99,
            baseline: baseline.p99,
            baselineLabel,
            higherIsBetter: false,
          },
        ];
      } finally {
        await staticServer.stop();
      }
    } finally {
      rmSync(folder, { recursive: true, force: true });
      await app.stop();
      await database.drop();
    }
  },
};
