import { expect, test, type Page } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { observationsOf } from "./dataset";

// A reader narrows the homicide chart to some producers and years: the chart, its text alternative,
// the figure count, the table and the data files keep the same figures and say so.

const figures = observationsOf("homicide_rate");
const LABELS: Record<string, string> = {
  government: "Government",
  ngo: "NGO",
  academic: "Academic",
  media: "Media",
  intergovernmental: "Intergovernmental",
};
const DISPLAY_ORDER = ["government", "ngo", "academic", "media", "intergovernmental"];
const inYears = (date: string, from: number, to: number) => Number(date.slice(0, 4)) >= from && Number(date.slice(0, 4)) <= to;

const selections = [
  { hide: ["government", "media"], from: 2019, to: 2024 },
  { hide: ["media"], from: 2019, to: 2024 },
];

const figuresWord = (count: number) => (count === 1 ? "figure" : "figures");
const records = (csv: string) => parse(csv, { columns: true, skip_empty_lines: true }) as Record<string, string>[];

for (const { hide, from, to } of selections) {
  const kept = figures.filter((f) => !hide.includes(f.sourceType) && inYears(f.date, from, to));
  const shownTypes = DISPLAY_ORDER.filter((type) => !hide.includes(type) && figures.some((f) => f.sourceType === type));
  const query = `?hide=${hide.join(",")}&from=${from}&to=${to}`;

  test(`the chart, the table, the count and the downloads keep the same figures (${query})`, async ({ page, request }) => {
    expect(kept.length).toBeGreaterThan(0);
    await page.goto(`/en/indicators/homicide_rate${query}`);

    // The chart draws the kept figures, and its text alternative counts them.
    await expect(page.getByTestId("chart-svg").locator("[data-observation]")).toHaveCount(kept.length);
    await expect(page.getByTestId("chart-summary")).toContainText(`Homicide rate: ${kept.length} ${figuresWord(kept.length)} from`);

    // The table lists them and says what it keeps, with a way back to every figure.
    const types = new Intl.ListFormat("en-GB", { type: "conjunction" }).format(shownTypes.map((type) => LABELS[type]!));
    const sentence = `${kept.length} of ${figures.length} figures: ${types}, ${from}–${to}`;
    const tableSection = page.locator("section").filter({ has: page.locator("#all-figures-heading") });
    await expect(tableSection.locator(".observation-table tbody tr")).toHaveCount(kept.length);
    await expect(tableSection.getByTestId("selection-summary")).toContainText(sentence);
    const tableValues = await tableSection.locator(".observation-table tbody tr td.number").allTextContents();
    expect(tableValues.map((value) => Number(value.replace(/,/g, ""))).sort()).toEqual(kept.map((f) => f.value).sort());

    // The data files keep the same figures, and "download all" gives every one.
    const downloads = page.locator("section.downloads");
    await expect(downloads.getByTestId("selection-summary")).toContainText(sentence);
    const csvHref = (await downloads.getByTestId("download-csv").getAttribute("href"))!;
    expect(csvHref).toContain(`hide=${[...hide].sort().join("%2C")}`);
    expect(csvHref).toContain(`from=${from}-01-01`);
    expect(csvHref).toContain(`to=${to}-12-31`);
    const selected = records(await (await request.get(csvHref)).text());
    expect(selected.map((row) => Number(row.value)).sort()).toEqual(kept.map((f) => f.value).sort());
    for (const row of selected) {
      expect(hide).not.toContain(row.producerType);
      expect(inYears(row.asOf!, from, to)).toBe(true);
    }
    const json = (await (await request.get((await downloads.getByTestId("download-json").getAttribute("href"))!)).json()) as {
      data: unknown[];
    };
    expect(json.data).toHaveLength(kept.length);
    const everything = records(await (await request.get((await downloads.getByTestId("download-all-csv").getAttribute("href"))!)).text());
    expect(everything).toHaveLength(figures.length);

    // "show all" drops the selection and keeps the rest of the view.
    await tableSection.getByTestId("selection-show-all").click();
    await expect(page).toHaveURL(/\/en\/indicators\/homicide_rate$/);
    await expect(page.getByTestId("chart-svg").locator("[data-observation]")).toHaveCount(figures.length);
    await expect(tableSection.getByTestId("selection-summary")).toHaveText(`All ${figures.length} figures`);
  });
}

test("the Spanish page says the selection in Spanish", async ({ page }) => {
  const kept = figures.filter((f) => f.sourceType !== "media" && inYears(f.date, 2019, 2024));
  await page.goto("/es/indicators/homicide_rate?hide=media&from=2019&to=2024");
  await expect(page.locator("section.downloads").getByTestId("selection-summary")).toContainText(
    `${kept.length} de ${figures.length} cifras: Gobierno, Academia e Intergubernamental, 2019–2024 · descargar todas`,
  );
});

async function box(page: Page, testId: string) {
  const element = page.getByTestId(testId);
  await expect(element).toBeVisible();
  return (await element.boundingBox())!;
}

test("on a phone the chart comes first and the controls fold away", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto("/en/indicators/homicide_rate");
  // The phone layout of the chart (the one SVG shows its phone words, not its wide ones), with most of it in the first screen.
  const chart = await box(page, "chart-svg");
  await expect(page.getByTestId("chart-svg").locator(".chart-words-narrow").first()).toBeVisible();
  await expect(page.getByTestId("chart-svg").locator(".chart-words-wide").first()).toBeHidden();
  expect(chart.y).toBeLessThan(740);
  expect(chart.y + chart.height / 2).toBeLessThan(740);
  // The controls sit under it in a closed disclosure that opens on a tap.
  const toggle = page.locator('[data-series-toggle="government"]');
  await expect(toggle).toBeHidden();
  await page.getByTestId("chart-controls").locator("summary").click();
  await expect(toggle).toBeVisible();
  const top = (testId: string) => page.getByTestId(testId).evaluate((element) => element.getBoundingClientRect().top + window.scrollY);
  expect(await top("chart-controls")).toBeGreaterThan((await top("chart-svg")) + chart.height);

  // On a wide screen the same controls are simply there, beside the chart.
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.reload();
  await expect(page.getByTestId("chart-controls").locator("summary")).toBeHidden();
  await expect(toggle).toBeVisible();
  const wide = await box(page, "chart-svg");
  expect(wide.y).toBeLessThan(900);
  await expect(page.getByTestId("chart-svg").locator(".chart-words-wide").first()).toBeVisible();
  await expect(page.getByTestId("chart-svg").locator(".chart-words-narrow").first()).toBeHidden();
});

test("the explorer places points as the chart does, with nice ticks, a legend, and the selection", async ({ page }) => {
  await page.goto("/en/indicators/homicide_rate?hide=media");
  const seriesDrawn = await page.getByTestId("chart-svg").locator(".chart-series").count();
  await page.getByTestId("explore-button").click();
  const explorer = page.getByTestId("chart-explorer");
  await expect(explorer.locator(".recharts-line")).toHaveCount(seriesDrawn);

  const xTicks = await explorer.locator(".recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value").allTextContents();
  expect(xTicks.length).toBeGreaterThan(3);
  for (const tick of xTicks) expect(tick).toMatch(/^\d{4}$/);

  const yTicks = (await explorer.locator(".recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value").allTextContents()).map((tick) =>
    Number(tick.replace(/,/g, "")),
  );
  expect(yTicks.length).toBeGreaterThan(2);
  expect(yTicks[0]).toBe(0);
  const step = yTicks[1]! - yTicks[0]!;
  const mantissa = step / 10 ** Math.floor(Math.log10(step));
  expect([1, 2, 5]).toContain(Math.round(mantissa * 1000) / 1000);
  yTicks.forEach((tick, index) => expect(tick).toBeCloseTo(index * step, 6));

  // A yearly figure sits mid-year in the explorer as in the chart: on its year's tick, not on 1 January.
  const tickXs = await explorer
    .locator(".recharts-xAxis-tick-lines .recharts-cartesian-axis-tick-line")
    .evaluateAll((lines) => lines.map((line) => Number(line.getAttribute("x1"))));
  const yearPx = (tickXs[1]! - tickXs[0]!) / (Number(xTicks[1]) - Number(xTicks[0]));
  const dotXs = await explorer
    .locator(".recharts-line-dots circle")
    .evaluateAll((dots) => dots.map((dot) => Number(dot.getAttribute("cx"))));
  expect(dotXs.length).toBeGreaterThan(0);
  for (const x of dotXs) {
    const years = (x - tickXs[0]!) / yearPx;
    expect(Math.abs(years - Math.round(years))).toBeLessThan(0.03);
  }

  const legend = explorer.getByTestId("explorer-legend").locator("li");
  await expect(legend).toHaveCount(seriesDrawn);
  for (const text of await legend.allTextContents()) expect(text).toMatch(/\((Government|Academic|Intergovernmental|NGO)\)$/);
  await expect(explorer.getByTestId("explorer-legend")).not.toContainText("(Media)");
});
