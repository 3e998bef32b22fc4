import { expect, test } from "@playwright/test";
import { allSourceUrls, dataset, formatted, observationsOf } from "./dataset";

const HEDGES = /^(at least|more than|nearly|about|up to) /;

test("a visitor sees every indicator with its latest official and independent figure, each sourced", async ({ page }) => {
  await page.goto("/en");
  const cards = page.locator("[data-indicator]");
  await expect(cards).toHaveCount(dataset.indicators.length);
  await expect(page.getByRole("heading", { level: 2 })).toHaveText([
    "Homicides and violence",
    "The state of exception",
    "Prisons and custody",
    "Deportations and CECOT",
    "Press freedom and civic space",
    "Public opinion",
  ]);

  for (const slug of ["soe_arrests_cumulative", "deaths_in_custody_cumulative"]) {
    const card = page.locator(`[data-indicator="${slug}"]`);
    const figures = observationsOf(slug);
    const independent = card.locator('[data-figure="Independent"]');
    const shownValue = (await independent.locator(".figure-value").innerText()).replace(HEDGES, "");
    expect(figures.map((figure) => formatted(figure.value))).toContain(shownValue);
    expect(figures.map((figure) => figure.sourceUrl)).toContain(await independent.locator("a.source-link").getAttribute("href"));
    await expect(card.locator(".card-counts")).toContainText(`${figures.length} figures`);
    await expect(card.locator("svg.sparkline")).toBeVisible();
  }

  // No government series exists for deaths in custody; the card says so instead of inventing one.
  await expect(page.locator('[data-indicator="deaths_in_custody_cumulative"] [data-figure="Official"]')).toContainText(
    "no figure on record",
  );
  const arrestsOfficial = page.locator('[data-indicator="soe_arrests_cumulative"] [data-figure="Official"]');
  const officialUrls = observationsOf("soe_arrests_cumulative")
    .filter((o) => o.sourceType === "government")
    .map((o) => o.sourceUrl);
  expect(officialUrls).toContain(await arrestsOfficial.locator("a.source-link").getAttribute("href"));
});

test("every figure on the overview links to a source from the dataset", async ({ page }) => {
  await page.goto("/en");
  const figures = page.locator(".figure:has(.figure-value)");
  expect(await figures.count()).toBeGreaterThan(dataset.indicators.length);
  const hrefs = await figures.evaluateAll((nodes) => nodes.map((node) => node.querySelector("a")?.getAttribute("href") ?? "missing"));
  for (const href of hrefs) expect(allSourceUrls).toContain(href);
});

test("the first visit goes to the reader's language, Spanish by default", async ({ browser }) => {
  const english = await browser.newContext({ locale: "en-US" });
  const englishPage = await english.newPage();
  await englishPage.goto("/");
  await expect(englishPage).toHaveURL(/\/en$/);
  await english.close();

  const french = await browser.newContext({ locale: "fr-FR" });
  const frenchPage = await french.newPage();
  await frenchPage.goto("/");
  await expect(frenchPage).toHaveURL(/\/es$/);
  await expect(frenchPage.locator("html")).toHaveAttribute("lang", "es");
  await french.close();
});
