// i. What the public pages weigh: each page's HTML (uncompressed, as the issue counts it) split into
// what a reader sees, the React Server Components payload that repeats the page for hydration, and the
// inlined stylesheet; and the JavaScript a first view downloads, gzipped, beside the framework's share
// (the chunks every page loads).
import { gzipSync } from "node:zlib";
import { startApp } from "../app-server";
import type { BenchSection } from "../context";
import type { BenchLine } from "../report";
import { splitHtml, type HtmlParts } from "../../../testing/page-parts";

const KB = 1024;
const INDICATOR_SLUG = "homicide_rate";

type Page = { name: string; path: string; maxHtmlBytes?: number; maxScriptBytes?: number };

// The targets: overview and indicator page ≤ 120 KB of HTML, the sources page ≤ 100 KB, and
// ≤ 120 KB of JavaScript gzipped on a first view.
const PAGES: Page[] = [
  { name: "overview", path: "/en", maxHtmlBytes: 120 * KB, maxScriptBytes: 120 * KB },
  { name: "indicator page", path: `/en/indicators/${INDICATOR_SLUG}`, maxHtmlBytes: 120 * KB, maxScriptBytes: 120 * KB },
  { name: "sources page", path: "/en/sources", maxHtmlBytes: 100 * KB },
  { name: "events page", path: "/en/events" },
];

const share = (part: number, total: number) => `${Math.round((part / total) * 100)} %`;

export const pageBytesSection: BenchSection = {
  id: "i",
  title: "page weight: HTML split into markup, RSC payload and inlined CSS; JavaScript on a first view",
  async run({ log }) {
    const app = await startApp();
    try {
      const measured: { page: Page; parts: HtmlParts }[] = [];
      for (const page of PAGES) {
        const response = await fetch(`${app.url}${page.path}`);
        if (!response.ok) throw new Error(`${page.path} answered ${response.status}`);
        measured.push({ page, parts: splitHtml(await response.text()) });
      }
      const gzippedScript = new Map<string, number>();
      for (const source of new Set(measured.flatMap(({ parts }) => parts.scriptSources))) {
        const body = Buffer.from(await (await fetch(new URL(source, app.url))).arrayBuffer());
        gzippedScript.set(source, gzipSync(body).length);
      }
      // What all four pages load alike (React, the Next.js router and runtime, the root layout).
      const shared = measured
        .map(({ parts }) => new Set(parts.scriptSources))
        .reduce((common, sources) => new Set([...common].filter((source) => sources.has(source))));
      const sumOf = (sources: Iterable<string>) => [...sources].reduce((sum, source) => sum + (gzippedScript.get(source) ?? 0), 0);
      const framework = sumOf(shared);
      const lines: BenchLine[] = [];
      for (const { page, parts } of measured) {
        const measure = (what: string) => `i. ${page.name} · ${what}`;
        log(
          `${page.path}: ${parts.total} bytes of HTML: markup ${parts.visible}, RSC payload ${parts.rscPayload}, inlined CSS ${parts.inlinedCss}, other scripts ${parts.otherScripts}`,
        );
        lines.push(
          {
            measure: measure("HTML (uncompressed)"),
            unit: "bytes",
            contraste: parts.total,
            baseline: parts.visible,
            baselineLabel: "the markup alone (no scripts, no styles)",
            higherIsBetter: false,
            ...(page.maxHtmlBytes ? { absoluteTarget: { max: page.maxHtmlBytes } } : {}),
            note: `RSC payload ${share(parts.rscPayload, parts.total)}, inlined CSS ${share(parts.inlinedCss, parts.total)}, markup ${share(parts.visible, parts.total)}`,
          },
          {
            measure: measure("RSC payload in the HTML"),
            unit: "bytes",
            contraste: parts.rscPayload,
            baseline: parts.visible,
            baselineLabel: "the markup alone (no scripts, no styles)",
            higherIsBetter: false,
          },
          {
            measure: measure("inlined CSS"),
            unit: "bytes",
            contraste: parts.inlinedCss,
            baseline: parts.total,
            baselineLabel: "the whole HTML",
            higherIsBetter: false,
          },
        );
        if (page.maxScriptBytes)
          lines.push({
            measure: measure("JavaScript on a first view (gzipped)"),
            unit: "bytes",
            contraste: sumOf(parts.scriptSources),
            baseline: framework,
            baselineLabel: "the chunks all four pages load (React, Next.js, the root layout)",
            higherIsBetter: false,
            absoluteTarget: { max: page.maxScriptBytes },
          });
      }
      return lines;
    } finally {
      await app.stop();
    }
  },
};
