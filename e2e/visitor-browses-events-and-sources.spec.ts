import { expect, test } from "@playwright/test";
import { dataset } from "./dataset";

// The dataset helper types only what other journeys need; events are in the same file.
type FileEvent = { date: string; title_en: string; title_es: string; sourceUrl: string; datePrecision: string };
const { events } = dataset as typeof dataset & { events: FileEvent[] };

const eventSourceUrls = new Set(events.map((event) => event.sourceUrl));
const declaration = events.find((event) => event.title_en.startsWith("State of exception declared"));

test("a visitor reads every dated event, each with its kind and source", async ({ page }) => {
  expect(declaration, "the dataset records the declaration of the state of exception").toBeDefined();
  await page.goto("/en/events");
  await expect(page.getByRole("heading", { level: 1, name: "Events" })).toBeVisible();

  const items = page.locator("[data-event]");
  await expect(items).toHaveCount(events.length);

  const declared = items.filter({ has: page.getByRole("heading", { name: declaration!.title_en, exact: true }) });
  await expect(declared).toHaveCount(1);
  // The title itself says "Decree", so the kind is read from its own label.
  await expect(declared.locator("time").first()).toHaveText("27 March 2022");
  await expect(declared.locator("[data-kind]")).toHaveText("Decree");
  await expect(declared.locator("a.source-link")).toHaveAttribute("href", declaration!.sourceUrl);

  const hrefs = await items.evaluateAll((nodes) =>
    nodes.map((node) => {
      const links = node.querySelectorAll("a.source-link");
      return links.length === 1 ? links[0]!.getAttribute("href") : `${links.length} source links`;
    }),
  );
  for (const href of hrefs) expect([...eventSourceUrls]).toContain(href);
});

test("a Spanish reader sees the events in Spanish", async ({ page }) => {
  await page.goto("/es/events");
  await expect(page.getByRole("heading", { level: 1, name: "Eventos" })).toBeVisible();
  const declared = page.locator("[data-event]").filter({ has: page.getByRole("heading", { name: declaration!.title_es, exact: true }) });
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
  const ngo = page.getByRole("region", { name: "Press", exact: true }).getByRole("region", { name: "NGO", exact: true });
  const cristosal = ngo.locator("[data-source-group]").filter({ has: page.locator("summary", { hasText: /^Cristosal \(/ }) });
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
