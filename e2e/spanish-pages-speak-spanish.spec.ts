import { expect, test, type Page } from "@playwright/test";

// A Spanish reader meets no English outside quoted data: everything the site says itself is in
// Spanish, and a text that exists only in English (a producer's note, a source's title) says so with lang="en".

const PAGES = ["/es", "/es/indicators/homicide_rate", "/es/events", "/es/sources", "/es/changes", "/es/api-docs"];

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
