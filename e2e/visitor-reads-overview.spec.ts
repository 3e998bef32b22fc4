import { expect, test } from "@playwright/test";
import { dataset, formatted, observationsOf } from "./dataset";

test("a visitor sees every indicator with its latest official and independent figure, each sourced", async ({ page }) => {
  await page.goto("/");
  const cards = page.locator("[data-indicator]");
  await expect(cards).toHaveCount(dataset.indicators.length);

  for (const slug of ["soe_arrests_cumulative", "deaths_in_custody_cumulative"]) {
    const card = page.locator(`[data-indicator="${slug}"]`);
    const figures = observationsOf(slug);
    const independent = card.locator(".figure", { hasText: "Independent" });
    const shownValue = (await independent.locator(".figure-value").innerText()).replace(/^(at least|more than|nearly|about|up to) /, "");
    expect(figures.map((figure) => formatted(figure.value))).toContain(shownValue);
    const href = await independent.getByRole("link").getAttribute("href");
    expect(figures.map((figure) => figure.sourceUrl)).toContain(href);
  }

  // No government series exists for deaths in custody; the page says so instead of inventing one.
  await expect(page.locator('[data-indicator="deaths_in_custody_cumulative"] .figure', { hasText: "Official" })).toContainText(
    "no figure on record",
  );
  const arrestsOfficial = page.locator('[data-indicator="soe_arrests_cumulative"] .figure', { hasText: "Official" });
  const officialUrls = observationsOf("soe_arrests_cumulative").filter((o) => o.sourceType === "government").map((o) => o.sourceUrl);
  expect(officialUrls).toContain(await arrestsOfficial.getByRole("link").getAttribute("href"));
});
