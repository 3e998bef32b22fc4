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
  await expect(page.locator(".observation-table tbody tr")).toHaveCount(observationsOf("homicide_rate").length);
});
