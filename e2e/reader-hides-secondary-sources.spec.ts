import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

// Homicides (absolute) cites a few figures only through aggregators or copies (the v2 dataset's
// domain table classes their domains as secondary): a reader sees them marked, and can keep the
// figures of the producers' own pages and of established newsrooms only.
const PAGE = "/es/indicators/homicides_total";

const tableRows = (page: Page) => page.locator("table.observation-table tbody tr");
const secondaryRows = (page: Page) => tableRows(page).filter({ has: page.locator('[data-source-class="secondary"]') });
const chartPoint = (page: Page, id: string) => page.getByTestId("chart-svg").locator(`[data-observation="${id}"]`);

test("a reader sees which figures come through an aggregator and hides them from the chart and the table", async ({ page }) => {
  // The table shows 20 rows a page (lib/observations/indicator-figures.ts): every page is read for the secondary figures.
  const secondaryIds: string[] = [];
  for (let tablePage = 1; ; tablePage += 1) {
    await page.goto(tablePage > 1 ? `${PAGE}?page=${tablePage}` : PAGE);
    secondaryIds.push(
      ...(await secondaryRows(page).evaluateAll((rows) =>
        rows.filter((row) => row.getAttribute("data-status") === "published").map((row) => row.getAttribute("data-observation")!),
      )),
    );
    if ((await page.locator('.table-pages a[rel="next"]').count()) === 0) break;
  }
  expect(secondaryIds.length).toBeGreaterThan(0);
  await page.goto(PAGE);
  const marked = secondaryRows(page);
  await expect(marked.first()).toBeVisible();
  const keptIds = await tableRows(page)
    .filter({ hasNot: page.locator('[data-source-class="secondary"]') })
    .evaluateAll((rows) =>
      rows.filter((row) => row.getAttribute("data-status") === "published").map((row) => row.getAttribute("data-observation")!),
    );
  expect(keptIds.length).toBeGreaterThan(0);
  for (const id of secondaryIds) await expect(chartPoint(page, id).first()).toBeAttached();

  // The marker, in Spanish, beside the source; its whole sentence one tap away.
  const marker = marked.first().getByRole("button", { name: "Vía agregador; el original no estaba disponible." });
  await expect(marker).toHaveText("vía agregador");
  await marker.click();
  await expect(marked.first().getByRole("note")).toHaveText("Vía agregador; el original no estaba disponible.");
  await page.keyboard.press("Escape");
  await expect(marked.first().getByRole("note")).toBeHidden();
  // A primary or press source carries its quieter label.
  await expect(tableRows(page).locator('[data-class="primary"], [data-class="press"]').first()).toHaveText(/fuente primaria|prensa/);

  // The filter is a link: the state goes into the address.
  await page.getByTestId("source-filter").getByRole("link", { name: "Solo primarias y de prensa" }).click();
  await expect(page).toHaveURL(/[?&]sources=firsthand\b/);
  await expect(page.getByTestId("source-filter").getByRole("link", { name: "Solo primarias y de prensa" })).toHaveAttribute(
    "aria-current",
    "true",
  );

  // Gone from the table and the chart, and the chart says how many it hid.
  await expect(secondaryRows(page)).toHaveCount(0);
  for (const id of secondaryIds) await expect(chartPoint(page, id)).toHaveCount(0);
  await expect(tableRows(page).first()).toBeVisible();
  const note = page.getByTestId("chart-source-filter");
  await expect(note).toHaveAttribute("data-hidden-secondary", String(secondaryIds.length));
  await expect(note).toHaveText(
    secondaryIds.length === 1
      ? "Solo fuentes primarias y de prensa: se oculta 1 cifra de una fuente secundaria."
      : `Solo fuentes primarias y de prensa: se ocultan ${secondaryIds.length} cifras de fuentes secundarias.`,
  );
  await expect(page.getByTestId("selection-summary").first()).toContainText("solo fuentes primarias y de prensa");

  // The chart files and the embed keep the filter, and the file says it in its source line.
  const svgHref = await page.getByTestId("export-svg").getAttribute("href");
  expect(svgHref).toContain("sources=firsthand");
  const svg = await (await page.request.get(svgHref!)).text();
  expect(svg).toContain("Solo fuentes primarias y de prensa");
  await expect(page.getByTestId("embed-code")).toHaveValue(/sources=firsthand/);

  // The data files keep the same figures: none from a secondary source, every other one of the view.
  for (const testId of ["download-csv", "download-json"]) {
    const href = (await page.getByTestId(testId).getAttribute("href"))!;
    expect(href, testId).toContain("sources=firsthand");
    const file = await (await page.request.get(href)).text();
    for (const id of secondaryIds) expect(file, `${testId} ${id}`).not.toContain(id);
    for (const id of keptIds) expect(file, `${testId} ${id}`).toContain(id);
  }
  const json = (await (await page.request.get((await page.getByTestId("download-json").getAttribute("href"))!)).json()) as {
    data: { source: { class: string } }[];
  };
  expect(json.data.length).toBeGreaterThan(0);
  expect(json.data.filter((figure) => figure.source.class === "secondary")).toEqual([]);

  // And back: every source again.
  await page.getByTestId("source-filter").getByRole("link", { name: "Todas las fuentes" }).click();
  await expect(page).not.toHaveURL(/sources=/);
  await expect(secondaryRows(page).first()).toBeVisible();
  await expect(page.getByTestId("chart-source-filter")).toHaveCount(0);
});

test("the page with source markers has no WCAG 2.2 AA violation, with the filter on and off", async ({ page }) => {
  // Eight full-page scans, each several seconds of script on a busy machine: more than the one page accessibility.spec.ts scans per test.
  test.setTimeout(300_000);
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    for (const path of [PAGE, `${PAGE}?sources=firsthand`, "/en/indicators/homicides_total?view=table", "/es/events"]) {
      await page.goto(path);
      const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
      expect(
        results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(" | ")}`),
        `${path} (${colorScheme})`,
      ).toEqual([]);
    }
  }
});
