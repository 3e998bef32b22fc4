import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { domainTable, proposeSourceClass } from "../lib/sources/source-domains";
import { SOURCES_PER_PAGE, SOURCES_SHOWN_PER_GROUP } from "../lib/sources/source-overview-state";
import type { SourceClass } from "../lib/schemas/enums";
import { dataset } from "./dataset";

// The sources page against the sourced files themselves: every dataset figure and event has one
// source, classed by the domain table the seed reads (weak domains are secondary; a domain the
// table does not name is secondary too).

type FileEvent = { sourceUrl: string };
const { observations, events } = dataset as typeof dataset & { events: FileEvent[] };

const table = domainTable(
  readFileSync("prisma/data/el-salvador-source-domains.tsv", "utf8")
    .trim()
    .split("\n")
    .slice(1)
    .map((line) => {
      const [domain, kind] = line.split("\t");
      return { domain: domain!, sourceClass: (kind === "weak" ? "secondary" : kind) as SourceClass };
    }),
);
const classOf = (url: string) => proposeSourceClass(table, url).sourceClass;

const secondaryFigures = observations.filter((observation) => classOf(observation.sourceUrl) === "secondary");
const secondaryEvents = events.filter((event) => classOf(event.sourceUrl) === "secondary");
const expectedByClass = (sourceClass: SourceClass) => ({
  sources: new Set([...observations, ...events].map((entry) => entry.sourceUrl).filter((url) => classOf(url) === sourceClass)).size,
  figures: observations.filter((observation) => classOf(observation.sourceUrl) === sourceClass).length,
  events: events.filter((event) => classOf(event.sourceUrl) === sourceClass).length,
});

const plural = (count: number, one: string, other: string) => `${count} ${count === 1 ? one : other}`;

test("the audit's count: 43 figures and 1 event rest on a secondary source alone", () => {
  expect(secondaryFigures).toHaveLength(43);
  expect(secondaryEvents).toHaveLength(1);
});

test("a Spanish reader sees how many figures rest on secondary sources alone, and where they are", async ({ page }) => {
  await page.goto("/es/sources");
  await expect(page.getByRole("heading", { level: 1, name: "Fuentes" })).toBeVisible();
  const headline = page.getByRole("heading", { level: 2, name: /se apoyan solo en fuentes secundarias/ });
  await expect(headline).toHaveText(
    `${plural(secondaryFigures.length, "cifra", "cifras")} y ${plural(secondaryEvents.length, "evento", "eventos")} se apoyan solo en fuentes secundarias.`,
  );
  await expect(headline).toHaveText("43 cifras y 1 evento se apoyan solo en fuentes secundarias.");
  await expect(page.getByText("Las cifras retiradas y los borradores no se cuentan.")).toBeVisible();

  // Each indicator with such figures is listed with its count, and links to its table.
  const perIndicator = new Map<string, number>();
  for (const observation of secondaryFigures) perIndicator.set(observation.indicator, (perIndicator.get(observation.indicator) ?? 0) + 1);
  const listed = page.locator("[data-secondary-only] [data-indicator]");
  await expect(listed).toHaveCount(perIndicator.size);
  for (const [slug, count] of perIndicator) {
    const item = listed.filter({ has: page.locator(`a[href="/es/indicators/${slug}?view=table"]`) });
    await expect(item).toContainText(`(${plural(count, "cifra", "cifras")})`);
  }
});

test("a reader sees each kind of source explained and counted", async ({ page }) => {
  await page.goto("/en/sources");
  const summary = page.getByRole("region", { name: "Kinds of source" });
  const names: Record<SourceClass, string> = { primary: "Primary sources", press: "Press", secondary: "Secondary sources" };
  for (const sourceClass of ["primary", "press", "secondary"] as const) {
    const card = summary
      .getByRole("listitem")
      .filter({ has: page.getByRole("heading", { level: 3, name: names[sourceClass], exact: true }) });
    const expected = expectedByClass(sourceClass);
    await expect(card).toContainText(
      `${plural(expected.sources, "source", "sources")} · ${plural(expected.figures, "figure", "figures")} · ${plural(expected.events, "event", "events")}`,
    );
  }
  await expect(summary).toContainText("A republication, aggregator, mirror or forum, used where the original was not available.");
  await expect(summary).toContainText("Published by the producer of the figure itself");
  await expect(summary).toContainText("An established newsroom reporting the figure.");
});

/** Every group on every page of a view, following the page's own "Next" links. */
async function everyGroup(page: Page, path: string) {
  const groups: { key: string; citedBy: string; cites: number }[] = [];
  await page.goto(path);
  for (;;) {
    groups.push(
      ...(await page.locator("[data-source-group]").evaluateAll((nodes) =>
        nodes.map((node) => ({
          key: node.getAttribute("data-source-group")!,
          citedBy: node.getAttribute("data-cited-by")!,
          cites: Number(node.getAttribute("data-cites")),
        })),
      )),
    );
    const next = page.getByRole("navigation", { name: "Pages" }).getByRole("link", { name: /Next/ });
    if (!(await next.count())) return groups;
    // Read the next page only once it has replaced this one, or a page would be read twice and one skipped.
    const before = page.url();
    await next.click();
    await page.waitForURL((url) => url.toString() !== before);
  }
}

test("the secondary sources are grouped by producer, each marked, and account for every secondary-only figure", async ({ page }) => {
  await page.goto("/en/sources");
  await page.getByRole("link", { name: "The secondary sources, by producer, and the events citing them" }).click();
  await expect(page).toHaveURL(/\/en\/sources\?class=secondary#source-list$/);
  await expect(page.getByRole("link", { name: "Secondary", exact: true })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("heading", { level: 2, name: "Secondary sources", exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Primary sources", exact: true })).toHaveCount(0);

  const groups = await everyGroup(page, "/en/sources?class=secondary");
  expect(groups.every((group) => group.key.startsWith("secondary:"))).toBe(true);
  const sum = (citedBy: string) => groups.filter((group) => group.citedBy === citedBy).reduce((total, group) => total + group.cites, 0);
  expect(sum("figures")).toBe(secondaryFigures.length);
  expect(sum("events")).toBe(secondaryEvents.length);

  // A producer's group lists its sources, each with the secondary marker beside its link.
  await page.goto("/en/sources?class=secondary");
  const first = page.locator("[data-source-group]").first();
  const source = first.locator("[data-source]").first();
  await expect(source.getByRole("link").first()).toBeVisible();
  const marker = source.getByRole("button", { name: "Via aggregator; the original was not available." });
  await expect(marker).toBeVisible();
  const url = await source.locator("a.source-link").getAttribute("href");
  expect(classOf(url!)).toBe("secondary");
});

test("a source supporting one figure links to that figure's page, which cites it", async ({ page }) => {
  await page.goto("/en/sources?class=secondary");
  const source = page
    .locator("[data-source]")
    .filter({ has: page.locator('a[data-figures-link][href^="/en/figures/"]') })
    .first();
  const url = await source.locator("a.source-link").getAttribute("href");
  await expect(source.locator("a[data-figures-link]")).toHaveText("1 figure");
  await source.locator("a[data-figures-link]").click();
  await expect(page).toHaveURL(/\/en\/figures\/[A-Za-z0-9_-]+$/);
  await expect(page.locator(`a[href="${url}"]`).first()).toBeVisible();
});

test("every page of the sources lists at most 14 sources in whole groups", async ({ page }) => {
  // Walks every page of the list.
  test.slow();
  await page.goto("/en/sources");
  for (;;) {
    expect(await page.locator("[data-source]").count()).toBeLessThanOrEqual(SOURCES_PER_PAGE + SOURCES_SHOWN_PER_GROUP - 1);
    const next = page.getByRole("navigation", { name: "Pages" }).getByRole("link", { name: /Next/ });
    if (!(await next.count())) break;
    const before = page.url();
    await next.click();
    // The next page's sources are counted, not the last one's.
    await page.waitForURL((url) => url.toString() !== before);
    // The class counts and the secondary-only sentence stay on every page.
    await expect(page.getByRole("region", { name: "Kinds of source" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "43 figures and 1 event rest on secondary sources alone." })).toBeVisible();
  }
});

test("every kind of source is grouped by producer type, and the groups account for every figure and event", async ({ page }) => {
  // Walks every page of the list, then every page of the press sources.
  test.slow();
  const groups = await everyGroup(page, "/en/sources");
  const sum = (citedBy: string) => groups.filter((group) => group.citedBy === citedBy).reduce((total, group) => total + group.cites, 0);
  expect(sum("figures")).toBe(observations.length);
  expect(sum("events")).toBe(events.length);
  expect(new Set(groups.map((group) => group.key)).size).toBe(groups.length);

  // The press sources, over all their pages, are grouped under producer types, government first.
  await page.goto("/en/sources?class=press");
  const producerTypes: string[] = [];
  for (let pages = 0; pages < 50; pages += 1) {
    const headings = page.getByRole("region", { name: "Press", exact: true }).getByRole("heading", { level: 3 });
    for (const name of await headings.allTextContents()) if (!producerTypes.includes(name)) producerTypes.push(name);
    const next = page.getByRole("navigation", { name: "Pages" }).getByRole("link", { name: /Next/ });
    if (!(await next.count())) break;
    const before = page.url();
    await next.click();
    await page.waitForURL((url) => url.toString() !== before);
  }
  expect(producerTypes[0]).toBe("Government");
  expect(producerTypes).toContain("NGO");
});

test.describe("on a 375px-wide phone, without JavaScript", () => {
  test.use({ viewport: { width: 375, height: 800 }, javaScriptEnabled: false });

  test("the page shows every group's sources, folds one away, and does not scroll sideways", async ({ page }) => {
    await page.goto("/es/sources?class=secondary");
    await expect(
      page.getByRole("heading", { level: 2, name: "43 cifras y 1 evento se apoyan solo en fuentes secundarias." }),
    ).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    const first = page.locator("[data-source-group]").first();
    await expect(first.locator("[data-source]").first()).toBeVisible();
    await first.locator("summary").click();
    await expect(first.locator("[data-source]").first()).toBeHidden();
  });
});
