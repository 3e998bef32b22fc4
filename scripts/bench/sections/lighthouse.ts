// c. In the browser: Lighthouse (mobile preset, performance only) on the overview and an indicator
// page, beside the same page's HTML and stylesheet served as a static file: how far Contraste is
// from a page with no JavaScript and no server work, on this machine, in this run.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { startApp } from "../app-server";
import type { BenchContext, BenchSection } from "../context";
import type { BenchLine } from "../report";

const CHROME_FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu"];
const INDICATOR_SLUG = "homicide_rate";

/** benchmarkIndex: Lighthouse's measure of this machine's speed; its 4x CPU slowdown assumes a fast desktop. */
type Audit = { score: number; lcpMs: number; tbtMs: number; scriptBytes: number; benchmarkIndex: number };
type Page = { name: string; path: string; maxScriptBytes?: number };

const PAGES: Page[] = [
  { name: "overview", path: "/en" },
  { name: "indicator page", path: `/en/indicators/${INDICATOR_SLUG}`, maxScriptBytes: 180 * 1024 },
];

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

type ResourceItem = { resourceType?: string; transferSize?: number };

/** Bytes of script over the wire (the servers gzip them), from resource-summary or else network-requests. */
function scriptBytes(audits: Record<string, { details?: unknown }>): number {
  const summary = (audits["resource-summary"]?.details as { items?: ResourceItem[] } | undefined)?.items;
  const script = summary?.find((item) => item.resourceType === "script");
  if (script?.transferSize !== undefined) return script.transferSize;
  const requests = (audits["network-requests"]?.details as { items?: ResourceItem[] } | undefined)?.items ?? [];
  return requests.filter((item) => item.resourceType === "Script").reduce((sum, item) => sum + (item.transferSize ?? 0), 0);
}

async function audit(url: string, port: number): Promise<Audit> {
  // The default config is Lighthouse's mobile preset (Moto G Power, simulated slow 4G, 4x CPU slowdown).
  const result = await lighthouse(url, { port, output: "json", logLevel: "error", onlyCategories: ["performance"] });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError.message}`);
  const score = lhr.categories.performance?.score;
  if (score === null || score === undefined) throw new Error(`Lighthouse gave ${url} no performance score`);
  return {
    score: Math.round(score * 100),
    lcpMs: lhr.audits["largest-contentful-paint"]?.numericValue ?? Number.NaN,
    tbtMs: lhr.audits["total-blocking-time"]?.numericValue ?? Number.NaN,
    scriptBytes: scriptBytes(lhr.audits),
    benchmarkIndex: lhr.environment.benchmarkIndex,
  };
}

async function medianAudit(url: string, port: number, runs: number): Promise<Audit> {
  const results: Audit[] = [];
  for (let run = 0; run < runs; run += 1) results.push(await audit(url, port));
  return {
    score: median(results.map((r) => r.score)),
    lcpMs: median(results.map((r) => r.lcpMs)),
    tbtMs: median(results.map((r) => r.tbtMs)),
    scriptBytes: median(results.map((r) => r.scriptBytes)),
    benchmarkIndex: median(results.map((r) => r.benchmarkIndex)),
  };
}

type StaticSite = { url: string; close(): Promise<void> };

/**
 * The baseline: each page's server-rendered HTML with every script removed, and its stylesheets,
 * written to a temporary folder and served gzipped by node:http.
 */
async function serveStaticCopies(appUrl: string, pages: Page[]): Promise<StaticSite> {
  const dir = mkdtempSync(path.join(tmpdir(), "contraste-bench-static-"));
  const files = new Map<string, { file: string; type: string }>();
  for (const [index, page] of pages.entries()) {
    const html = await (await fetch(`${appUrl}${page.path}`)).text();
    const withoutScripts = html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, "").replace(/<link\b(?=[^>]*\bas="script")[^>]*>/g, "");
    const file = path.join(dir, `page-${index}.html`);
    writeFileSync(file, withoutScripts);
    files.set(page.path, { file, type: "text/html; charset=utf-8" });
    for (const [, href] of withoutScripts.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)) {
      if (!href || files.has(href)) continue;
      const cssFile = path.join(dir, `style-${files.size}.css`);
      writeFileSync(cssFile, Buffer.from(await (await fetch(new URL(href, appUrl))).arrayBuffer()));
      files.set(href, { file: cssFile, type: "text/css; charset=utf-8" });
    }
  }
  const server: Server = createServer((request, response) => {
    const entry = files.get((request.url ?? "/").split("?")[0]!);
    if (!entry) {
      response.writeHead(404).end();
      return;
    }
    const body = readFileSync(entry.file);
    const gzip = /\bgzip\b/.test(String(request.headers["accept-encoding"] ?? ""));
    response.writeHead(200, { "Content-Type": entry.type, ...(gzip ? { "Content-Encoding": "gzip" } : {}) });
    response.end(gzip ? gzipSync(body) : body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      await new Promise((resolve) => server.close(resolve));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function linesFor(page: Page, contraste: Audit, baseline: Audit, runs: number): BenchLine[] {
  const baselineLabel = "same HTML + CSS, no JS, static node:http";
  const measure = (what: string) => `c. ${page.name} · ${what}`;
  const runsText = runs > 1 ? `median of ${runs} Lighthouse runs` : "one Lighthouse run (quick)";
  const note = `${runsText}; Lighthouse benchmarkIndex ${Math.round(contraste.benchmarkIndex)} (static copy ${Math.round(baseline.benchmarkIndex)}): a loaded or slow machine scores lower`;
  return [
    {
      measure: measure("Lighthouse mobile performance"),
      unit: "points",
      contraste: contraste.score,
      baseline: baseline.score,
      baselineLabel,
      higherIsBetter: true,
      absoluteTarget: { min: 95 },
      note,
    },
    {
      measure: measure("LCP"),
      unit: "ms",
      contraste: Math.round(contraste.lcpMs),
      baseline: Math.round(baseline.lcpMs),
      baselineLabel,
      higherIsBetter: false,
      absoluteTarget: { max: 2000 },
    },
    {
      measure: measure("TBT"),
      unit: "ms",
      contraste: Math.round(contraste.tbtMs),
      baseline: Math.round(baseline.tbtMs),
      baselineLabel,
      higherIsBetter: false,
    },
    {
      measure: measure("JavaScript (gzipped)"),
      unit: "bytes",
      contraste: contraste.scriptBytes,
      baseline: baseline.scriptBytes,
      baselineLabel,
      higherIsBetter: false,
      ...(page.maxScriptBytes ? { absoluteTarget: { max: page.maxScriptBytes } } : {}),
    },
  ];
}

export const lighthouseSection: BenchSection = {
  id: "c",
  title: "in the browser: Lighthouse mobile on the overview and an indicator page",
  async run(context: BenchContext) {
    const runs = context.quick ? 1 : 3;
    const app = await startApp();
    let site: StaticSite | undefined;
    let chrome: chromeLauncher.LaunchedChrome | undefined;
    try {
      // Warm the server (first renders compile templates and fill pools) before anything is timed.
      for (const page of PAGES) for (let i = 0; i < 3; i += 1) await (await fetch(`${app.url}${page.path}`)).arrayBuffer();
      site = await serveStaticCopies(app.url, PAGES);
      chrome = await chromeLauncher.launch({ chromePath: process.env.CHROME_PATH || "/usr/bin/chromium", chromeFlags: CHROME_FLAGS });
      // The first audit in a fresh browser runs cold; it is not counted.
      if (!context.quick) await audit(`${site.url}${PAGES[0]!.path}`, chrome.port);
      const lines: BenchLine[] = [];
      for (const page of PAGES) {
        context.log(`Lighthouse ${page.path} (${runs} run${runs > 1 ? "s" : ""} each, Contraste and static copy)`);
        const contraste = await medianAudit(`${app.url}${page.path}`, chrome.port, runs);
        const baseline = await medianAudit(`${site.url}${page.path}`, chrome.port, runs);
        lines.push(...linesFor(page, contraste, baseline, runs));
      }
      return lines;
    } finally {
      chrome?.kill();
      await site?.close();
      await app.stop();
    }
  },
};
