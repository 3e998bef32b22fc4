import { expect, test, type Locator, type Page } from "@playwright/test";
import { dataset } from "./dataset";

// The dataset helper types only what other journeys need; events are in the same file.
type FileEvent = { date: string; title_en: string; title_es: string; sourceUrl: string; datePrecision: string };
const { events } = dataset as typeof dataset & { events: FileEvent[] };

const eventSourceUrls = new Set(events.map((event) => event.sourceUrl));
const declaration = events.find((event) => event.title_en.startsWith("State of exception declared"));

// The events page is paged: each event's source link (or how many it has, when not one), on every
// page, followed through the page links (rel="next").
async function eventSourceLinksOnEveryPage(page: Page, path: string): Promise<string[]> {
  await page.goto(path);
  const links: string[] = [];
  const visited: string[] = [];
  for (let pages = 0; pages < 50; pages += 1) {
    links.push(
      ...(await page.locator("[data-event]").evaluateAll((nodes) =>
        nodes.map((node) => {
          const found = node.querySelectorAll("a.source-link");
          return found.length === 1 ? found[0]!.getAttribute("href")! : `${found.length} source links`;
        }),
      )),
    );
    visited.push(page.url());
    const next = page.locator('nav a[rel="next"]');
    if (!(await next.count())) return links;
    await next.first().click();
    await page.waitForURL((url) => !visited.includes(url.toString()));
  }
  throw new Error(`${path}: more than 50 pages`);
}

/** Goes through the pages of `path` until `select` finds something, and leaves the browser there. */
async function pageWith(page: Page, path: string, select: (page: Page) => Locator): Promise<Locator> {
  await page.goto(path);
  for (let pages = 0; pages < 50; pages += 1) {
    const found = select(page);
    if (await found.count()) return found;
    const next = page.locator('nav a[rel="next"]');
    if (!(await next.count())) break;
    const before = page.url();
    await next.first().click();
    await page.waitForURL((url) => url.toString() !== before);
  }
  throw new Error(`${path}: not found on any page`);
}

test("a visitor reads every dated event, each with its kind and source", async ({ page }) => {
  expect(declaration, "the dataset records the declaration of the state of exception").toBeDefined();
  await page.goto("/en/events");
  await expect(page.getByRole("heading", { level: 1, name: "Events" })).toBeVisible();

  // Every event once across the pages, each with exactly one source link from the dataset.
  const links = await eventSourceLinksOnEveryPage(page, "/en/events");
  expect(links).toHaveLength(events.length);
  for (const href of links) expect([...eventSourceUrls]).toContain(href);

  const declared = await pageWith(page, "/en/events", (current) =>
    current.locator("[data-event]").filter({ has: current.getByRole("heading", { name: declaration!.title_en, exact: true }) }),
  );
  await expect(declared).toHaveCount(1);
  // The title itself says "Decree", so the kind is read from its own label.
  await expect(declared.locator("time").first()).toHaveText("27 March 2022");
  await expect(declared.locator("[data-kind]")).toHaveText("Decree");
  await expect(declared.locator("a.source-link")).toHaveAttribute("href", declaration!.sourceUrl);
});

test("a Spanish reader sees the events in Spanish", async ({ page }) => {
  await page.goto("/es/events");
  await expect(page.getByRole("heading", { level: 1, name: "Eventos" })).toBeVisible();
  const declared = await pageWith(page, "/es/events", (current) =>
    current.locator("[data-event]").filter({ has: current.getByRole("heading", { name: declaration!.title_es, exact: true }) }),
  );
  await expect(declared.locator("time").first()).toHaveText("27 de marzo de 2022");
  await expect(declared.locator("[data-kind]")).toHaveText("Decreto");
});

test("a visitor sees the producers by type, each with the documents behind its figures", async ({ page }) => {
  await page.goto("/en/sources?class=press");
  await expect(page.getByRole("heading", { level: 1, name: "Sources" })).toBeVisible();

  const links = page.locator("a.source-link");
  expect(await links.count()).toBeGreaterThan(0);
  for (const href of await links.evaluateAll((nodes) => nodes.map((node) => node.getAttribute("href")))) {
    expect(href).toMatch(/^https?:\/\//);
  }

  // Producers are grouped by kind of source, then by type; Cristosal's figures come from the press.
  const cristosal = await pageWith(page, "/en/sources?class=press", (current) =>
    current
      .getByRole("region", { name: "Press", exact: true })
      .getByRole("region", { name: "NGO", exact: true })
      .locator("[data-source-group]")
      .filter({ has: current.locator("summary", { hasText: /^Cristosal \(/ }) }),
  );
  await expect(cristosal).toHaveCount(1);
  await expect(cristosal.locator("a.source-link").first()).toBeVisible();
});

test.describe("on a 375px-wide phone", () => {
  test.use({ viewport: { width: 375, height: 800 } });

  for (const path of ["/en/events", "/en/sources"]) {
    test(`${path} does not scroll sideways`, async ({ page }) => {
      await page.goto(path);
      const fits = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
      expect(fits).toBe(true);
    });
  }
});
