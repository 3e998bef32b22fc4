import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";

// Public pages and the API are served from a cache. A published correction must replace the old
// figure on the indicator's page and in the API within one second, while pages that do not show
// the figure stay cached.
// The admin the first-run journey creates (see playwright.config.ts); it adds this test's own people.
const ADMIN = { email: "admin@example.org", password: "correct horse battery staple 42" };
const EDITOR = { email: "cache-editor@example.org", displayName: "Cache Editor", password: "cache editor password", role: "editor" };
const REVIEWER = {
  email: "cache-reviewer@example.org",
  displayName: "Cache Reviewer",
  password: "cache reviewer password",
  role: "reviewer",
};
const INDICATOR = "prison_population";
const UNRELATED_INDICATOR = "homicide_rate";
const PAGE = `/en/indicators/${INDICATOR}`;
const API = `/api/v1/indicators/${INDICATOR}/observations?limit=500`;

async function signedIn(baseURL: string, person: { email: string; password: string }): Promise<APIRequestContext> {
  const context = await playwrightRequest.newContext({ baseURL });
  const response = await context.post("/api/editor/session", { data: { email: person.email, password: person.password } });
  expect(response.status(), await response.text()).toBe(200);
  return context;
}

async function cacheStatus(reader: APIRequestContext, path: string): Promise<string | undefined> {
  const response = await reader.get(path);
  expect(response.status()).toBe(200);
  return response.headers()["x-contraste-cache"];
}

test("a published correction is on the cached page and in the cached API within one second", async ({ baseURL }) => {
  const admin = await signedIn(baseURL!, ADMIN);
  for (const person of [EDITOR, REVIEWER]) {
    const added = await admin.post("/api/editor/users", { data: person });
    expect(added.status(), await added.text()).toBe(201);
  }
  const editor = await signedIn(baseURL!, EDITOR);
  const reviewer = await signedIn(baseURL!, REVIEWER);
  const reader = await playwrightRequest.newContext({ baseURL });

  const figure = {
    indicatorSlug: INDICATOR,
    value: "70123",
    qualifier: "at_least",
    asOf: "2026-10-31",
    datePrecision: "day",
    producer: { name: "Synthetic Cache Observatory", type: "ngo" },
    source: { url: "https://example.org/synthetic-cache-2026", publisher: "Example Publisher" },
  };
  const created = await editor.post("/api/editor/observations", { data: figure });
  expect(created.status(), await created.text()).toBe(201);
  const draft = (await created.json()).data as { id: string; version: number };
  const published = await reviewer.post(`/api/editor/observations/${draft.id}/publish`, { data: { version: draft.version } });
  expect(published.status(), await published.text()).toBe(200);
  const live = (await published.json()).data as { id: string; version: number };

  // Warm the cache: the second read of each is served from it.
  for (const path of [PAGE, API, `/en/indicators/${UNRELATED_INDICATOR}`]) {
    await cacheStatus(reader, path);
    expect(await cacheStatus(reader, path)).toBe("hit");
  }
  expect((await (await reader.get(PAGE)).text()).includes("70,123"), "the first figure is on the page").toBe(true);

  const proposed = await editor.patch(`/api/editor/observations/${live.id}`, {
    data: { version: live.version, observation: { ...figure, value: "70456" }, reason: "Synthetic correction for the cache test" },
  });
  expect(proposed.status(), await proposed.text()).toBe(200);
  const correction = (await proposed.json()).data as { id: string; version: number };
  const corrected = await reviewer.post(`/api/editor/observations/${correction.id}/publish`, { data: { version: correction.version } });
  expect(corrected.status(), await corrected.text()).toBe(200);
  const publishedAt = Date.now();

  const pageHtml = await (await reader.get(PAGE)).text();
  const apiBody = (await (await reader.get(API)).json()) as { data: { id: string; value: number }[] };
  const elapsed = Date.now() - publishedAt;
  expect(pageHtml.includes("70,456"), "the corrected figure is on the page").toBe(true);
  expect(pageHtml.includes("70,123"), "the old figure is gone from the page").toBe(false);
  expect(apiBody.data.find((row) => row.id === live.id)?.value).toBe(70456);
  expect(elapsed).toBeLessThan(1000);

  // Exactly what shows the figure was dropped: another indicator's page is still served from the cache.
  expect(await cacheStatus(reader, `/en/indicators/${UNRELATED_INDICATOR}`)).toBe("hit");
  expect(await cacheStatus(reader, PAGE)).toBe("hit");

  await Promise.all([admin.dispose(), editor.dispose(), reviewer.dispose(), reader.dispose()]);
});
