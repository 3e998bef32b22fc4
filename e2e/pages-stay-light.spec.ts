import { gzipSync } from "node:zlib";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { splitHtml } from "../testing/page-parts";

// A first view of a public page downloads React, Next.js's router and the site's few islands: about
// 140 KB gzipped. Code that only the explorer or the editor needs (Recharts, zod, next-intl's client,
// d3) is loaded on request; once any of it slips onto a first view, a page grows by 15–115 KB.
const FIRST_VIEW_SCRIPT_BUDGET = 150 * 1024;

const PAGES = [
  "/en",
  "/es/indicators/homicide_rate",
  "/en/indicators/homicide_rate?hide=media&view=table",
  "/en/indicators/soe_arrests_cumulative/disagreements",
  "/es/events",
  "/en/sources",
  "figure",
];

for (const page of PAGES) {
  test(`${page}: a first view's JavaScript stays under ${FIRST_VIEW_SCRIPT_BUDGET / 1024} KB gzipped`, async ({ request }) => {
    // "figure": a figure's page, where a source's readers land, with its report form.
    const path = page === "figure" ? `/es/figures/${await someFigureId(request)}` : page;
    const html = await (await request.get(path)).text();
    const { scriptSources } = splitHtml(html);
    expect(scriptSources.length).toBeGreaterThan(0);
    let gzipped = 0;
    for (const source of new Set(scriptSources)) {
      const script = await request.get(source.replaceAll("&amp;", "&"));
      expect(script.status(), source).toBe(200);
      gzipped += gzipSync(await script.body()).length;
    }
    expect(gzipped, `${path}: ${gzipped} bytes gzipped`).toBeLessThanOrEqual(FIRST_VIEW_SCRIPT_BUDGET);
  });
}

async function someFigureId(request: APIRequestContext): Promise<string> {
  const answer = await request.get("/api/v1/indicators/homicide_rate/observations?limit=1");
  return ((await answer.json()) as { data: { id: string }[] }).data[0]!.id;
}
