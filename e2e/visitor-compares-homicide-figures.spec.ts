import { expect, test } from "@playwright/test";
import { formatted, observationsOf } from "./dataset";

const figures = observationsOf("homicide_rate");
const official2022 = figures.find((f) => f.date === "2022" && f.sourceType === "government")!;
const independent2022 = figures.find((f) => f.date === "2022" && f.sourceType !== "government")!;

test("a visitor compares official and independent homicide rates and shares the view", async ({ page }) => {
  await page.goto("/en");
  await page.getByRole("link", { name: "Homicide rate", exact: true }).click();
  await expect(page).toHaveURL(/\/en\/indicators\/homicide_rate$/);

  const chart = page.getByTestId("chart-svg");
  await expect(chart.locator(".series-government").first()).toBeVisible();
  await expect(chart.locator(".chart-series.series-academic")).toHaveCount(1);
  // One drawn point per published figure.
  await expect(chart.locator("[data-observation]")).toHaveCount(figures.length);

  // The 2022 discrepancy: the official rate against the university observatory's re-estimate.
  const row = page
    .getByTestId("discrepancy-table")
    .locator("tr", { hasText: formatted(independent2022.value) })
    .filter({ hasText: "2022" });
  await expect(row.first()).toContainText(formatted(official2022.value));

  // Hover a point: its figure and a working source link appear.
  await chart.locator(".chart-point-academic").first().hover();
  const details = page.getByTestId("point-details");
  await expect(details).toContainText(formatted(independent2022.value));
  // Points drawn on top of each other are listed together; the hovered figure's source is among them.
  await expect(details.locator(`a[href="${independent2022.sourceUrl}"]`)).toBeVisible();

  // Hide the official series; the state is in the URL and survives a reload.
  await page.locator('[data-series-toggle="government"]').click();
  await expect(page).toHaveURL(/hide=government/);
  await expect(chart.locator(".series-government")).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId("chart-svg").locator(".series-government")).toHaveCount(0);
  await expect(page.locator('[data-series-toggle="government"]')).toContainText("hidden");

  // Switch to Spanish: same page, same state, Spanish words and number format.
  await page.getByTestId("locale-switcher").click();
  await expect(page).toHaveURL(/\/es\/indicators\/homicide_rate\?hide=government$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tasa de homicidios");
  await expect(page.getByTestId("chart-svg").locator(".series-government")).toHaveCount(0);
  await expect(page.getByTestId("discrepancy-table")).toContainText(formatted(independent2022.value, "es"));
  expect(formatted(independent2022.value, "es")).toContain(",");

  // Open the table: it keeps the selection (the official figures hidden) and says so; follow a source link.
  await page.getByRole("link", { name: "Tabla" }).click();
  await expect(page).toHaveURL(/view=table/);
  const rows = page.locator(".observation-table tbody tr");
  const independent = figures.filter((f) => f.sourceType !== "government");
  await expect(rows).toHaveCount(independent.length);
  await expect(page.getByTestId("selection-summary").first()).toContainText(`${independent.length} de ${figures.length} cifras:`);
  const link = rows.first().locator("a.source-link");
  const href = (await link.getAttribute("href"))!;
  expect(figures.map((f) => f.sourceUrl)).toContain(href);
  // No internet here: answer for the outside site so following the link can be observed (over
  // http or https: the browser may upgrade an http:// source to https://).
  const target = new URL(href);
  const sameSite = (url: URL) => url.host === target.host && url.pathname === target.pathname;
  await page.context().route(
    (url) => url.host === target.host,
    (route) => route.fulfill({ body: "<title>source</title>source", contentType: "text/html" }),
  );
  await link.click();
  await page.waitForURL(sameSite);
});

test("the indicator page fits a 375 px phone without sideways scrolling", async ({ browser }) => {
  const phone = await browser.newContext({ viewport: { width: 375, height: 800 } });
  const page = await phone.newPage();
  for (const path of ["/en/indicators/homicide_rate", "/es/indicators/homicide_rate?view=table", "/es"]) {
    await page.goto(path);
    const [scrollWidth, innerWidth] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    expect(scrollWidth, path).toBeLessThanOrEqual(innerWidth);
  }
  await phone.close();
});

test("a time range and the events toggle live in the URL", async ({ page }) => {
  await page.goto("/en/indicators/soe_arrests_cumulative");
  await expect(page.getByTestId("chart-svg").locator(".chart-event").first()).toBeAttached();
  await page.locator('select[name="from"]').selectOption("2024");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/from=2024/);
  const dates = await page
    .getByTestId("chart-svg")
    .locator("[data-observation]")
    .evaluateAll((nodes) => nodes.length);
  const inRange = observationsOf("soe_arrests_cumulative").filter((o) => Number(o.date.slice(0, 4)) >= 2024).length;
  expect(dates).toBe(inRange);
  await page.locator("[data-events-toggle]").click();
  await expect(page).toHaveURL(/events=0/);
  await expect(page.getByTestId("chart-svg").locator(".chart-event")).toHaveCount(0);
});

test("an unknown indicator answers 404", async ({ page }) => {
  const response = await page.goto("/en/indicators/not_an_indicator");
  expect(response?.status()).toBe(404);
});
