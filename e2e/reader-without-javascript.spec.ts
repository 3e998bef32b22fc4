import { expect, test } from "@playwright/test";
import { observationsOf } from "./dataset";

test.use({ javaScriptEnabled: false });

test("the chart, its series and its text alternative arrive in the server HTML", async ({ page, request }) => {
  const html = await (await request.get("/en/indicators/homicide_rate")).text();
  expect(html).toContain('data-testid="chart-svg"');
  expect(html).toMatch(/class="chart-series series-government"/);
  expect(html).toMatch(/class="chart-series series-academic"/);
  expect(html).toMatch(/<desc id="indicator-chart-desc">Homicide rate: \d+ figures from \d+ producers/);

  await page.goto("/en/indicators/homicide_rate");
  const svg = page.getByTestId("chart-svg");
  await expect(svg.locator("[data-observation]")).toHaveCount(observationsOf("homicide_rate").length);
  await expect(page.getByTestId("chart-summary")).toContainText("Official figures");
});

test("controls work as plain links and forms", async ({ page }) => {
  await page.goto("/en/indicators/homicide_rate");
  await page.locator('[data-series-toggle="government"]').click();
  await expect(page).toHaveURL(/hide=government/);
  await expect(page.getByTestId("chart-svg").locator(".series-government")).toHaveCount(0);
  await page.getByRole("link", { name: "Table", exact: true }).click();
  // The table keeps the selection too, and says how many figures it shows of how many.
  const all = observationsOf("homicide_rate");
  const kept = all.filter((o) => o.sourceType !== "government");
  await expect(page.locator(".observation-table tbody tr")).toHaveCount(kept.length);
  await expect(page.getByTestId("selection-summary").first()).toContainText(`${kept.length} of ${all.length} figures`);
  await page.getByTestId("selection-show-all").first().click();
  // Every figure again, a first page of 20 rows (lib/observations/indicator-figures.ts) and plain links to the rest.
  await expect(page.locator(".observation-table tbody tr")).toHaveCount(Math.min(all.length, 20));
  await expect(page.locator(".table-pages").first()).toContainText(`1–${Math.min(all.length, 20)} of ${all.length}`);
  await page.locator('.table-pages a[rel="next"]').first().click();
  await expect(page.locator(".observation-table tbody tr")).toHaveCount(all.length - 20);
});

test("buttons that need JavaScript are not shown; the plain links and the disclosures are", async ({ page }) => {
  await page.goto("/en/indicators/homicide_rate");
  await expect(page.getByTestId("chart-svg")).toBeVisible();
  await expect(page.getByTestId("explore-button")).toHaveCount(0);
  await expect(page.getByTestId("export-png")).toHaveCount(0);
  await expect(page.getByRole("button", { name: /copy/i })).toHaveCount(0);
  // The data and the SVG chart are plain links.
  await expect(page.getByTestId("download-csv")).toBeVisible();
  await expect(page.getByTestId("export-svg")).toBeVisible();

  // On a phone the controls open from their disclosure and still filter by link and form.
  await page.setViewportSize({ width: 375, height: 740 });
  const toggle = page.locator('[data-series-toggle="government"]');
  await expect(toggle).toBeHidden();
  await page.getByTestId("chart-controls").locator("summary").click();
  await expect(toggle).toBeVisible();
  await page.locator('select[name="from"]').selectOption("2019");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/from=2019/);
  const kept = observationsOf("homicide_rate").filter((o) => Number(o.date.slice(0, 4)) >= 2019);
  await expect(page.getByTestId("chart-svg").locator("[data-observation]")).toHaveCount(kept.length);
});
