import { expect, test, type Page } from "@playwright/test";

// A Spanish reader meets no English outside quoted data: everything the site says itself is in
// Spanish, and a text that exists only in English (a producer's note, a source's title) says so with lang="en".

const PAGES = [
  "/es",
  "/es/indicators/homicide_rate",
  "/es/indicators/soe_arrests_cumulative/disagreements",
  "/es/events",
  "/es/sources",
  "/es/changes",
  "/es/api-docs",
];

// Common words of the site's English interface (none of them is also a Spanish word).
const ENGLISH = [
  "the",
  "and",
  "of",
  "with",
  "from",
  "figures",
  "figure",
  "Download",
  "Source",
  "Sources",
  "Show",
  "Hide",
  "Chart",
  "Table",
  "page",
  "Revoked",
  "active",
  "Official",
  "Independent",
  "Events",
  "Embed",
  "Copy",
  "Close",
  "Parameter",
  "Meaning",
  "Every",
  "only",
  "Sort",
];
const WORD = new RegExp(`(?<![\\p{L}\\d_])(${ENGLISH.join("|")})(?![\\p{L}\\d_])`, "iu");

/** Visible text the site writes itself: not inside lang="en", quoted data (data-quoted), code, or the skip link. */
async function ownText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const texts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      const text = (node.textContent ?? "").replace(/\s+/g, " ").trim();
      if (!parent || !text) continue;
      if (parent.closest('[lang]:not([lang="es"]), [data-quoted], code, pre, script, style, noscript, title')) continue;
      const box = parent.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      if (getComputedStyle(parent).visibility === "hidden") continue;
      texts.push(text);
    }
    // Names a reader reads aloud count too: labels, titles and alternative texts. A label may quote data
    // (a chart point's "1,3 · 2025 · Government of El Salvador (Gobierno) · …"): the data the page marks
    // as quoted anywhere is taken out of it, and what is left must be Spanish.
    const quoted = [...new Set([...document.querySelectorAll("[data-quoted]")].map((element) => (element.textContent ?? "").trim()))]
      .filter(Boolean)
      .sort((a, b) => b.length - a.length);
    const withoutQuoted = (label: string) => quoted.reduce((rest, data) => rest.split(data).join(" "), label);
    for (const element of document.querySelectorAll("[aria-label], [title], img[alt]")) {
      if (element.closest('[lang]:not([lang="es"]), [data-quoted]')) continue;
      for (const name of ["aria-label", "title", "alt"]) {
        const value = element.getAttribute(name);
        if (value) texts.push(withoutQuoted(value));
      }
    }
    for (const title of document.querySelectorAll("svg title")) {
      if (title.closest('[lang]:not([lang="es"]), [data-quoted]')) continue;
      const value = (title.textContent ?? "").trim();
      if (value) texts.push(withoutQuoted(value));
    }
    return texts;
  });
}

for (const path of PAGES) {
  test(`${path} speaks Spanish`, async ({ page }) => {
    await page.goto(path);
    await expect(page.locator("html")).toHaveAttribute("lang", "es");
    const english = (await ownText(page)).filter((text) => WORD.test(text));
    expect(english, `English on ${path}`).toEqual([]);
  });
}

test("a text that exists only in English is marked as English", async ({ page }) => {
  await page.goto("/es/api-docs");
  // The OpenAPI document stays English, and the page says so in Spanish.
  await expect(page.getByText("el documento OpenAPI está en inglés")).toBeVisible();
  await expect(page.getByRole("heading", { name: "GET /api/v1/indicators/{slug}/observations" })).toBeVisible();
  await expect(page.getByText("Tipos de productor separados por comas")).toBeVisible();
});

/**
 * The site's own links on the page (not the API, not the language switch), as written in
 * the HTML: public pages build them on the server, so a wrong language shows before any script runs.
 */
async function siteLinks(page: Page): Promise<string[]> {
  return page
    .locator("a[href^='/']:not([hreflang])")
    .evaluateAll((links) => links.map((link) => link.getAttribute("href")!).filter((href) => !/^\/(api|_next)\//.test(href)));
}

for (const locale of ["es", "en"] as const) {
  const other = locale === "es" ? "en" : "es";
  const inLocale = new RegExp(`^/${locale}(/|$|\\?)`);

  test(`links on ${locale} pages stay in ${locale}, and the switch leads to the same page in ${other}`, async ({ page }) => {
    await page.goto(`/${locale}/indicators/homicide_rate`);
    const figurePath = await page.locator(`.observation-table a[href^='/${locale}/figures/']`).first().getAttribute("href");
    expect(figurePath).toMatch(new RegExp(`^/${locale}/figures/[^/?]+$`));
    for (const path of [
      `/${locale}`,
      `/${locale}/indicators/homicide_rate`,
      `/${locale}/indicators/soe_arrests_cumulative/disagreements`,
      `/${locale}/events`,
      `/${locale}/sources`,
      `/${locale}/changes`,
      figurePath!,
    ]) {
      await page.goto(path);
      const links = await siteLinks(page);
      expect(links.length, path).toBeGreaterThan(0);
      expect(
        links.filter((href) => !inLocale.test(href)),
        `links out of ${locale} on ${path}`,
      ).toEqual([]);
      await expect(page.locator(`a[hreflang='${other}']`).first(), path).toHaveAttribute("href", path.replace(`/${locale}`, `/${other}`));
    }

    // The figure page leads back to its indicator, in the page's language.
    await page.goto(figurePath!);
    const indicatorLinks = page.locator(`article a[href='/${locale}/indicators/homicide_rate']`);
    await expect(indicatorLinks).toHaveCount(3);
    await indicatorLinks.last().click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/indicators/homicide_rate$`));
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
  });

  test(`the ${locale} not-found page answers 404 in ${locale} and leads to the ${locale} overview`, async ({ page }) => {
    const response = await page.goto(`/${locale}/indicators/no_such_indicator`);
    expect(response?.status()).toBe(404);
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    const heading = locale === "es" ? "No encontrado" : "Not found";
    const back = locale === "es" ? "Volver al resumen" : "Back to the overview";
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await expect(page.getByRole("link", { name: back })).toHaveAttribute("href", `/${locale}`);
    await page.getByRole("link", { name: back }).click();
    await expect(page).toHaveURL(new RegExp(`/${locale}$`));
  });
}
