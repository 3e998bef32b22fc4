import { expect, test } from "@playwright/test";
import { observationsOf } from "./dataset";

test("a visitor opens the homicide-rate chart and traces a point to its source", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "Homicide rate", exact: true }).click();
  await expect(page).toHaveURL(/\/indicators\/homicide_rate$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Homicide rate");

  const chart = page.getByTestId("indicator-chart");
  const figures = observationsOf("homicide_rate");
  const producerTypes = new Set(figures.map((figure) => figure.sourceType));
  // One drawn series per producer type in the data, official and independent alike.
  await expect(chart.locator(".recharts-line")).toHaveCount(producerTypes.size);
  await expect(chart.locator(".recharts-legend-wrapper")).toContainText("Government");
  await expect(chart.locator(".recharts-legend-wrapper")).toContainText("Academic");

  await chart.locator(".chart-point-academic").first().hover();
  const tooltip = page.locator(".chart-tooltip");
  await expect(tooltip).toBeVisible();
  const academic = figures.filter((figure) => figure.sourceType === "academic");
  await expect(tooltip.getByRole("link")).toHaveAttribute("href", academic[0]!.sourceUrl);
  await expect(tooltip).toContainText(String(academic[0]!.value));

  const rows = page.locator("table tbody tr");
  await expect(rows).toHaveCount(figures.length);
  for (const link of await rows.getByRole("link").all()) {
    expect(figures.map((figure) => figure.sourceUrl)).toContain(await link.getAttribute("href"));
  }
});

test("an unknown indicator answers 404", async ({ page }) => {
  const response = await page.goto("/indicators/not_an_indicator");
  expect(response?.status()).toBe(404);
});
