import { expect, test, type Page } from "@playwright/test";
import { dataset, formatted } from "./dataset";

// WOLA's April 2025 analysis is the yardstick: each of its figures must stand beside another
// producer's figure for the same or a nearby period, or the page must say there is none to compare.
const wola = dataset.observations.filter((o) => o.publisher.includes("WOLA") || o.sourceUrl.includes("wola.org"));

type Row = { figures: { value: string; href: string; text: string }[]; spread: string; period: string };

/** The groups of the disagreement view on the page open now. */
function groupsShown(page: Page): Promise<Row[]> {
  return page
    .getByTestId("figures-that-disagree")
    .locator("tbody tr")
    .evaluateAll((rows) =>
      rows.map((row) => ({
        period: row.querySelector("th")?.textContent ?? "",
        spread: row.querySelector("[data-spread]")?.textContent ?? "",
        figures: [...row.querySelectorAll("li[data-observation]")].map((li) => ({
          value: li.querySelector(".figure-value")?.textContent ?? "",
          href: li.querySelector("a.source-link")?.getAttribute("href") ?? "",
          text: li.textContent ?? "",
        })),
      })),
    );
}

/** Every group of the disagreement view: the indicator page's, or when it lists only the most recent, those of every page of the full list. */
async function groups(page: Page): Promise<Row[]> {
  const all = page.getByTestId("all-groups-link");
  if (!(await all.count())) return groupsShown(page);
  await all.click();
  await page.waitForURL(/\/disagreements/);
  const rows = await groupsShown(page);
  for (let next = page.locator('a[rel="next"]'); await next.count(); next = page.locator('a[rel="next"]')) {
    const url = page.url();
    await next.click();
    await page.waitForURL((address) => address.href !== url);
    rows.push(...(await groupsShown(page)));
  }
  return rows;
}

const HEDGE = /^(at least|more than|nearly|about|up to) /;
const bare = (value: string) => value.replace(HEDGE, "");

test("each figure of WOLA's analysis is compared with another producer's, or the page says none exists", async ({ page }) => {
  test.setTimeout(120_000);
  expect(wola).toHaveLength(9);
  const alone: string[] = [];
  for (const figure of wola) {
    await page.goto(`/en/indicators/${figure.indicator}`);
    const section = page.getByTestId("figures-that-disagree");
    await expect(section.getByRole("heading", { name: "Where the figures disagree" })).toBeVisible();
    const nothing = section.getByTestId("nothing-to-compare");
    if (await nothing.count()) {
      await expect(nothing).toHaveText(
        "No other producer has published a figure for this indicator, so there is nothing to compare it with.",
      );
      alone.push(figure.indicator);
      continue;
    }
    const beside = (await groups(page)).filter((row) =>
      row.figures.some((f) => f.href === figure.sourceUrl && bare(f.value) === formatted(figure.value)),
    );
    expect(beside.length, figure.indicator).toBeGreaterThan(0);
    for (const row of beside)
      expect(
        row.figures.some((f) => f.href !== figure.sourceUrl),
        figure.indicator,
      ).toBe(true);
  }
  // WOLA's 97.2 % and "more than 5 % of young men" are found nowhere else.
  expect(alone.sort()).toEqual(["incarcerated_share_young_men_pct", "soe_charged_illicit_association_pct"]);
});

test("the renewals page sets WOLA's 34th renewal against the 36th of March 2025", async ({ page }) => {
  await page.goto("/en/indicators/soe_extensions_count");
  const march = (await groups(page)).filter((row) => row.figures.some((f) => f.value === "34"));
  expect(march).toHaveLength(1);
  expect(march[0]!.figures.map((f) => f.value).sort()).toEqual(["34", "36"]);
  expect(march[0]!.period).toContain("March 2025");
  expect(march[0]!.spread.trim()).toBe("2");
});

test("the people sent to CECOT on 16 March 2025 form one group with a spread of 23, without JavaScript too", async ({ browser }) => {
  for (const javaScriptEnabled of [true, false]) {
    const context = await browser.newContext({ javaScriptEnabled });
    const page = await context.newPage();
    await page.goto("/en/indicators/us_removals_to_cecot");
    const rows = await groups(page);
    expect(rows).toHaveLength(1);
    const values = rows[0]!.figures.map((f) => f.value);
    expect(values).toEqual(expect.arrayContaining(["238", "261", "250", "nearly 250", "252"]));
    // "nearly 250" hedges the spread.
    expect(rows[0]!.spread.trim()).toBe("≈ 23");
    // Each figure says where its date stands: WOLA's 15 March is a day inside the month.
    expect(rows[0]!.figures.find((f) => f.value === "nearly 250")!.text).toContain("day inside the month");
    await context.close();
  }
});

test("a dense indicator's page lists its five most recent groups and links to every group, in both languages", async ({ page }) => {
  await page.goto("/en/indicators/soe_arrests_cumulative");
  const section = page.getByTestId("figures-that-disagree");
  const onIndicatorPage = await groupsShown(page);
  expect(onIndicatorPage).toHaveLength(5);
  const link = section.getByTestId("all-groups-link");
  const total = Number(/See all (\d+) groups/.exec(await link.innerText())?.[1]);
  expect(total).toBeGreaterThan(5);

  await link.click();
  await expect(page).toHaveURL("/en/indicators/soe_arrests_cumulative/disagreements");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Where the figures disagree: /);
  const every = await groupsShown(page);
  expect(every).toHaveLength(total);
  // The indicator page's groups are the full list's first ones, in the same order, with the same figures.
  expect(every.slice(0, 5)).toEqual(onIndicatorPage);
  await expect(page.getByTestId("figures-that-disagree")).toContainText(`${total} groups of figures to compare, most recent first.`);

  await page.getByTestId("locale-switcher").click();
  await expect(page).toHaveURL("/es/indicators/soe_arrests_cumulative/disagreements");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Dónde no coinciden las cifras: /);
  expect(await groupsShown(page)).toHaveLength(total);
  await page.getByRole("link", { name: /^← Volver a / }).click();
  await expect(page).toHaveURL("/es/indicators/soe_arrests_cumulative#discrepancy-heading");
  await expect(page.getByTestId("all-groups-link")).toHaveText(`Ver los ${total} grupos (esta página muestra los 5 más recientes)`);
});

test("the full list keeps the reader's first-hand filter, there and back", async ({ page }) => {
  await page.goto("/en/indicators/soe_arrests_cumulative?sources=firsthand");
  const link = page.getByTestId("all-groups-link");
  await expect(link).toHaveAttribute("href", "/en/indicators/soe_arrests_cumulative/disagreements?sources=firsthand");
  const total = Number(/See all (\d+) groups/.exec(await link.innerText())?.[1]);
  await link.click();
  const every = await groupsShown(page);
  expect(every).toHaveLength(total);
  // Figures quoted from secondary sources are left out, as on the indicator page.
  await page.goto("/en/indicators/soe_arrests_cumulative/disagreements");
  expect((await groupsShown(page)).length).toBeGreaterThan(total);
  await page.goBack();
  await page.getByRole("link", { name: /^← Back to / }).click();
  await expect(page).toHaveURL("/en/indicators/soe_arrests_cumulative?sources=firsthand#discrepancy-heading");
});

test("the Spanish page says the same in Spanish", async ({ page }) => {
  await page.goto("/es/indicators/incarcerated_share_young_men_pct");
  await expect(page.getByTestId("nothing-to-compare")).toHaveText(
    "Ningún otro autor ha publicado una cifra de este indicador, así que no hay con qué compararla.",
  );
  await page.goto("/es/indicators/us_removals_to_cecot");
  await expect(page.getByTestId("discrepancy-table")).toContainText("día dentro del mes");
});

test("the overview points to the renewal decrees and says how far apart the homicide figures are", async ({ page }) => {
  await page.goto("/en");
  const renewals = page.locator('[data-indicator="soe_extensions_count"] [data-figure="Official"]');
  await expect(renewals).not.toContainText("no figure on record");
  await expect(renewals.getByRole("link")).toHaveAttribute("href", "/en/events?indicator=soe_extensions_count");

  const homicides = page.locator('[data-indicator="homicide_rate"]');
  const years = async (kind: string) =>
    Number(/\b(\d{4})\b/.exec(await homicides.locator(`[data-figure="${kind}"] .figure-meta`).innerText())![1]);
  const [official, independent] = [await years("Official"), await years("Independent")];
  const note = homicides.getByTestId("distance-note");
  const gap = homicides.getByTestId("gap-note");
  if (official === independent) await expect(gap).toBeVisible();
  else await expect(note).toHaveText(`${Math.abs(official - independent)} years apart: ${official} vs ${independent}`);
});
