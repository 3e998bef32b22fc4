import { expect, test } from "@playwright/test";
import { allSourceUrls, dataset, observationsOf } from "./dataset";

const TABLE_PAGE_SIZE = 20;

test("on every indicator page, every figure in the chart, table and discrepancy view links to its source", async ({ page }) => {
  test.setTimeout(120_000);
  for (const { slug } of dataset.indicators) {
    // The table shows TABLE_PAGE_SIZE rows a page (lib/observations/indicator-figures.ts); its pages together hold every figure.
    const figureCount = observationsOf(slug).length;
    const rowSources: (string | null)[][] = [];
    for (let tablePage = Math.ceil(figureCount / TABLE_PAGE_SIZE); tablePage >= 1; tablePage -= 1) {
      await page.goto(`/en/indicators/${slug}${tablePage > 1 ? `?page=${tablePage}` : ""}`);
      const tableRows = page.locator(".observation-table tbody tr");
      await expect(tableRows, `${slug} page ${tablePage}`).toHaveCount(
        Math.min(TABLE_PAGE_SIZE, figureCount - (tablePage - 1) * TABLE_PAGE_SIZE),
      );
      rowSources.push(
        ...(await tableRows.evaluateAll((rows) =>
          rows.map((row) => [row.getAttribute("data-observation"), row.querySelector("a.source-link")?.getAttribute("href") ?? "missing"]),
        )),
      );
    }
    expect(new Set(rowSources.map(([id]) => id)).size, slug).toBe(figureCount);
    for (const [, href] of rowSources) expect(allSourceUrls, slug).toContain(href);

    // Every point drawn on the chart is a row of the table, so its source is one step away.
    const tableIds = new Set(rowSources.map(([id]) => id));
    const pointIds = await page
      .getByTestId("chart-svg")
      .locator("[data-observation]")
      .evaluateAll((nodes) => nodes.map((n) => n.getAttribute("data-observation")));
    for (const id of pointIds) expect(tableIds.has(id), `${slug} point ${id}`).toBe(true);

    const discrepancyLinks = await page
      .locator(".discrepancy tbody tr")
      .evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll("a.source-link")].map((a) => a.getAttribute("href"))));
    // One link per figure of each group of comparable figures (two producers at least).
    for (const links of discrepancyLinks) {
      expect(links.length, slug).toBeGreaterThanOrEqual(2);
      for (const href of links) expect(allSourceUrls, slug).toContain(href);
    }
  }
});

test("the zoomable explorer loads on request and draws the same producers", async ({ page }) => {
  await page.goto("/en/indicators/soe_arrests_cumulative");
  await expect(page.getByTestId("chart-explorer")).toHaveCount(0);
  await page.getByTestId("explore-button").click();
  const explorer = page.getByTestId("chart-explorer");
  await expect(explorer.locator(".recharts-line").first()).toBeVisible();
  const drawnSeries = await page.getByTestId("chart-svg").locator(".chart-series").count();
  await expect(explorer.locator(".recharts-line")).toHaveCount(drawnSeries);
  await expect(explorer.locator(".recharts-brush")).toBeVisible();
});
