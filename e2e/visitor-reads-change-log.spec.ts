import { expect, test, type Page } from "@playwright/test";

// On a freshly seeded database the log is empty: the dataset is loaded, not published one by one.

/** Parses the feed with the browser's own XML parser, as a feed reader would. */
function parseFeed(page: Page, xml: string) {
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, "application/xml");
    const root = doc.documentElement;
    const child = (name: string) => [...root.children].find((node) => node.localName === name);
    return {
      error: doc.getElementsByTagName("parsererror")[0]?.textContent ?? null,
      name: root.localName,
      namespace: root.namespaceURI,
      lang: root.getAttribute("xml:lang"),
      title: child("title")?.textContent ?? null,
      id: child("id")?.textContent ?? null,
      updated: child("updated")?.textContent ?? null,
      self:
        [...root.children].find((node) => node.localName === "link" && node.getAttribute("rel") === "self")?.getAttribute("href") ?? null,
    };
  }, xml);
}

test("a visitor reads the change log and finds its feed", async ({ page }) => {
  await page.goto("/en/changes");
  await expect(page.getByRole("heading", { level: 1, name: "Change log" })).toBeVisible();
  await expect(page.getByText("No figure or reference record has been published, corrected or changed yet.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Follow the changes (Atom feed)" })).toHaveAttribute("href", "/en/changes/feed.xml");
  await expect(page.locator('head link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute("href", "/en/changes/feed.xml");
});

test("a Spanish reader sees the change log in Spanish", async ({ page }) => {
  await page.goto("/es/changes");
  await expect(page.getByRole("heading", { level: 1, name: "Registro de cambios" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Seguir los cambios (fuente Atom)" })).toHaveAttribute("href", "/es/changes/feed.xml");
  await expect(page.locator('head link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute("href", "/es/changes/feed.xml");
});

test("the Atom feed answers in each language and parses", async ({ page, request }) => {
  for (const [locale, title] of [
    ["en", "Contraste: change log"],
    ["es", "Contraste: registro de cambios"],
  ] as const) {
    const response = await request.get(`/${locale}/changes/feed.xml`);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("application/atom+xml; charset=utf-8");
    // A feed reader revalidates with the ETag it got, whether the route or the cache answered.
    const etag = response.headers()["etag"];
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    const revalidated = await request.get(`/${locale}/changes/feed.xml`, { headers: { "if-none-match": etag! } });
    expect(revalidated.status()).toBe(304);
    const feed = await parseFeed(page, await response.text());
    expect(feed).toMatchObject({ error: null, name: "feed", namespace: "http://www.w3.org/2005/Atom", lang: locale, title });
    expect(feed.id).toBeTruthy();
    expect(Number.isNaN(Date.parse(feed.updated ?? ""))).toBe(false);
    expect(feed.self).toMatch(new RegExp(`^https?://[^/]+/${locale}/changes/feed\\.xml$`));
  }
  expect((await request.get("/xx/changes/feed.xml")).status()).toBe(404);
});

test("the admin pages do not exist for a visitor", async ({ request }) => {
  for (const path of ["/en/editor/admin/users", "/es/editor/admin/tokens"]) {
    expect((await request.get(path)).status()).toBe(404);
  }
});
