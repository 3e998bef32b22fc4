import { expect, test } from "@playwright/test";
import { dataset } from "./dataset";

// Issue #12 against the production server and its public response cache: no request a stranger can
// send leaves anything but the whole page in the copy every reader gets; addresses that differ only in
// parameters a page does not read share its one copy; a cached copy says what a fresh render says.

const slug = dataset.indicators[0]!.slug;
const name = dataset.indicators[0]!.name_es;

// What Next.js answers with something other than the page: a prefetch ({}), a navigation's component payload.
const NEXT_INTERNAL: Record<string, string>[] = [
  { "x-middleware-prefetch": "1" },
  { rsc: "1" },
  { "next-router-prefetch": "1" },
  { "next-router-state-tree": "%5B%22%22%2C%7B%7D%5D" },
  { "next-router-segment-prefetch": "/_tree" },
];

test("a prefetch or navigation request on a cold cache cannot blank a page for the readers after it", async ({ request }) => {
  for (const [i, headers] of NEXT_INTERNAL.entries()) {
    // A chart state no other journey opens: its copy is cold.
    const path = `/es/indicators/${slug}?from=${1990 + i}`;
    await request.get(path, { headers, failOnStatusCode: false });
    const reader = await request.get(path);
    const html = await reader.text();
    expect(reader.status(), JSON.stringify(headers)).toBe(200);
    expect(reader.headers()["content-type"]).toContain("text/html");
    expect(html, JSON.stringify(headers)).toContain("</html>");
    expect(html).toContain(name);
    const next = await request.get(path);
    expect(next.headers()["x-contraste-cache"]).toBe("hit");
    expect(await next.text()).toBe(html);
  }
  // The same through the _rsc parameter of a client-side navigation.
  const path = `/es/indicators/${slug}?from=1989`;
  await request.get(`${path}&_rsc=abc12`, { headers: { rsc: "1" }, failOnStatusCode: false });
  expect(await (await request.get(path)).text()).toContain("</html>");
});

test("parameters a page does not read are served its one cached copy", async ({ request }) => {
  const plain = await request.get("/en/events");
  const html = await plain.text();
  for (let z = 1; z <= 5; z++) {
    const variant = await request.get(`/en/events?z=${z}&utm_source=x${z}`);
    expect(variant.headers()["x-contraste-cache"], `?z=${z}`).toBe("hit");
    expect(await variant.text()).toBe(html);
  }
  // A chart's own parameters still count, in any order or spelling.
  await request.get(`/en/indicators/${slug}?view=table&sort=value`);
  expect((await request.get(`/en/indicators/${slug}?sort=value&z=1&view=table`)).headers()["x-contraste-cache"]).toBe("hit");
});

test("the language link carries only the parameters the page reads", async ({ page }) => {
  await page.goto(`/es/indicators/${slug}?z=9&view=table&utm_source=newsletter`);
  await expect(page.getByTestId("locale-switcher")).toHaveAttribute("href", `/en/indicators/${slug}?view=table`);
});

test("a cached copy says what a fresh render says, with its own request id", async ({ request }) => {
  const path = `/en/indicators/${slug}?sort=producer&dir=desc`;
  const fresh = await request.get(path);
  const cached = await request.get(path);
  expect(fresh.headers()["x-contraste-cache"]).toBe("miss");
  expect(cached.headers()["x-contraste-cache"]).toBe("hit");
  for (const response of [fresh, cached]) {
    expect(response.headers()["cache-control"]).toBe("public, max-age=0, must-revalidate");
    expect(response.headers()["vary"]?.toLowerCase()).toContain("accept-encoding");
    expect(response.headers()["vary"]?.toLowerCase()).toContain("rsc");
  }
  expect(cached.headers()["x-request-id"]).not.toBe(fresh.headers()["x-request-id"]);
  const api = `/api/v1/indicators/${slug}/observations?limit=3`;
  const freshApi = await request.get(api);
  const cachedApi = await request.get(api);
  expect(cachedApi.headers()["etag"]).toBe(freshApi.headers()["etag"]);
  expect(cachedApi.headers()["cache-control"]).toBe(freshApi.headers()["cache-control"]);
});

test("the image optimizer is off: /_next/image is refused with a 4xx, not a 500", async ({ request }) => {
  for (const url of ["/etc/passwd", "http://127.0.0.1:5432/", `/en/indicators/${slug}`]) {
    const answer = await request.get(`/_next/image?url=${encodeURIComponent(url)}&w=64&q=75`, { failOnStatusCode: false });
    expect(answer.status(), url).toBeGreaterThanOrEqual(400);
    expect(answer.status(), url).toBeLessThan(500);
  }
});
