import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { EVENTS_PER_PAGE } from "../lib/events/events-view-state";

// A chart shows the events of its indicator (and those that concern every indicator), listed under
// it: the first five lines, the rest folded, renewals as one line, and a link to all of them. All of
// it works without JavaScript.

type CuratedEvent = { date: string; title_en: string; kind: string; indicators: "all" | string[]; dateNote_es?: string };
const curation = JSON.parse(readFileSync("prisma/data/el-salvador-curation.json", "utf8")) as { events: CuratedEvent[] };
const eventsOf = (slug: string) => curation.events.filter((event) => event.indicators === "all" || event.indicators.includes(slug));

test.use({ javaScriptEnabled: false });

test("the homicide rate's chart lists its own events, numbered as its markers, with no CECOT event", async ({ page }) => {
  await page.goto("/en/indicators/homicide_rate");
  const list = page.getByRole("region", { name: "Events on this chart" });
  await expect(list).toBeVisible();

  const own = eventsOf("homicide_rate");
  expect(own.some((event) => /CECOT/.test(event.title_en))).toBe(false);
  const items = list.locator("li[data-event]");
  // The list is the chart's events: those of the indicator within the chart's years.
  // The chart holds its wide and its phone words; this screen shows the wide ones.
  const chart = page.getByTestId("chart-svg").locator(".chart-words-wide");
  await expect(chart.first()).toBeVisible();
  await expect(items).toHaveCount(await chart.locator("[data-event-number]").count());
  for (const title of [
    "Police stop counting confrontation deaths and grave bodies as homicides",
    "Nayib Bukele takes office; Territorial Control Plan launched weeks later",
    "State of exception declared (Legislative Decree 333, 67 votes)",
  ])
    await expect(list.getByText(title)).toHaveCount(1);
  await expect(list).not.toContainText("CECOT");
  await expect(list).not.toContainText("extension");
  const ownTitles = own.map((event) => event.title_en);
  for (const text of await items.allInnerTexts())
    expect(
      ownTitles.some((title) => text.includes(title)),
      text,
    ).toBe(true);

  // Each line's number is the number of that event's marker on the chart.
  for (const item of await items.all()) {
    const id = await item.getAttribute("data-event");
    const number = (await item.locator("span").first().innerText()).trim();
    await expect(chart.locator(`[data-event="${id}"]`)).toHaveAttribute("data-event-number", number);
  }
});

test("beyond five lines the list folds into a disclosure that opens without JavaScript", async ({ page }) => {
  await page.goto("/en/indicators/deaths_in_custody_cumulative");
  const list = page.getByRole("region", { name: "Events on this chart" });
  const own = eventsOf("deaths_in_custody_cumulative");
  expect(own.filter((event) => event.kind === "renewal")).toEqual([]);
  const rest = own.length - 5;
  expect(rest).toBeGreaterThan(0);
  await expect(list.locator(":scope > ol > li")).toHaveCount(5);
  const more = list.locator(":scope > details");
  await expect(more.locator("summary")).toHaveText(`Show ${rest} more`);
  const folded = more.locator("li[data-event]");
  await expect(folded).toHaveCount(rest);
  await expect(folded.first()).toBeHidden();
  await more.locator("summary").click();
  await expect(folded.first()).toBeVisible();
});

test("renewals are one line whose own disclosure lists each of them", async ({ page }) => {
  await page.goto("/en/indicators/soe_extensions_count");
  const list = page.getByRole("region", { name: "Events on this chart" });
  const renewals = eventsOf("soe_extensions_count").filter((event) => event.kind === "renewal");
  expect(renewals.length).toBeGreaterThan(5);
  const line = list.locator(`li[data-renewals="${renewals.length}"]`);
  await expect(line).toHaveCount(1);
  await expect(line.locator("summary")).toHaveText(new RegExp(`^${renewals.length} renewals, April 2022 – \\w+ 2025$`));
  await expect(line.locator("li[data-event]")).toHaveCount(renewals.length);
  await expect(line.locator("li[data-event]").first()).toBeHidden();
  await line.locator("summary").click();
  await expect(line.locator("li[data-event]").first()).toBeVisible();
});

test("the list links to all the indicator's events, and the events page filters by indicator", async ({ page }) => {
  await page.goto("/es/indicators/homicide_rate");
  const link = page
    .getByRole("region", { name: "Eventos en este gráfico" })
    .getByRole("link", { name: "Todos los eventos de este indicador" });
  await expect(link).toHaveAttribute("href", "/es/events?indicator=homicide_rate");
  await link.click();
  await expect(page).toHaveURL(/\/es\/events\?indicator=homicide_rate$/);
  const own = eventsOf("homicide_rate");
  await expect(page.locator("[data-event]")).toHaveCount(own.length);
  await expect(page.getByRole("status")).toContainText(`: ${own.length}.`);
  await expect(page.getByLabel("Indicador")).toHaveValue("homicide_rate");

  // The filter is a plain form: choosing another indicator and submitting it works without JavaScript.
  await page.getByLabel("Indicador").selectOption("cecot_inmates");
  await page.getByRole("button", { name: "Mostrar" }).click();
  await expect(page).toHaveURL(/indicator=cecot_inmates/);
  await expect(page.locator("[data-event]")).toHaveCount(eventsOf("cecot_inmates").length);
  await expect(page.locator("[data-event]").filter({ hasText: "CECOT" }).first()).toBeVisible();

  await page.getByRole("link", { name: "Ver todos los eventos" }).click();
  await expect(page.locator("[data-event]")).toHaveCount(EVENTS_PER_PAGE);
});

test("the events page shows 20 events at a time, newest first, and its page links reach every event once", async ({ page }) => {
  await page.goto("/en/events");
  const seen: string[] = [];
  for (let pageNumber = 1; ; pageNumber += 1) {
    const items = page.locator("[data-event]");
    const count = await items.count();
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThanOrEqual(EVENTS_PER_PAGE);
    await expect(
      page.getByText(new RegExp(`^Events ${seen.length + 1}–${seen.length + count} of ${curation.events.length}, newest first\\.$`)),
    ).toBeVisible();
    seen.push(...(await items.evaluateAll((nodes) => nodes.map((node) => node.getAttribute("data-event")!))));
    const pager = page.getByRole("navigation", { name: "Pages of events" });
    const earlier = pager.getByRole("link", { name: /Earlier events/ });
    if (!(await earlier.count())) break;
    await earlier.click();
    await expect(page).toHaveURL(new RegExp(`/en/events\\?page=${pageNumber + 1}#event-list$`));
  }
  expect(seen).toHaveLength(curation.events.length);
  expect(new Set(seen).size).toBe(curation.events.length);
  // The last page ends with the oldest event.
  const oldest = await page.locator("[data-event]").last().locator("time").first().getAttribute("datetime");
  expect(oldest).toBe([...curation.events].sort((a, b) => a.date.localeCompare(b.date))[0]!.date.slice(0, oldest!.length));

  // A page past the last is not found.
  expect((await page.goto("/en/events?page=99"))!.status()).toBe(404);
});

test("each event names its indicators as links; the declaration concerns all", async ({ page }) => {
  // The declaration of March 2022 is on the second page, newest first.
  await page.goto("/en/events?page=2");
  const declaration = page.locator("[data-event]").filter({ hasText: "State of exception declared" });
  await expect(declaration).toContainText("Indicators: All indicators");
  await page.goto("/en/events");
  const children = page.locator("[data-event]").filter({ hasText: "HRW report on children" });
  await expect(children.getByRole("link", { name: "Children/adolescents detained under the regime" }).first()).toHaveAttribute(
    "href",
    "/en/indicators/children_detained",
  );
});

test("date notes are in the reader's language", async ({ page }) => {
  const noted = curation.events.find((event) => event.dateNote_es?.startsWith("Fecha de la publicación;"))!;
  await page.goto("/es/events?page=2");
  const item = page.locator("[data-event]").filter({ hasText: noted.dateNote_es! });
  await expect(item).toHaveCount(1);
  // A note in the page's language carries no lang of its own; nothing in English is left unmarked.
  await expect(item.getByText(noted.dateNote_es!)).not.toHaveAttribute("lang", /.+/);
  await expect(page.locator("[data-event]").filter({ hasText: "Date of report" })).toHaveCount(0);

  await page.goto("/en/events?page=2");
  await expect(page.locator("[data-event]").filter({ hasText: "Date of report; approval on or just before." })).toHaveCount(1);
});
