import { expect, test } from "@playwright/test";

// Every page carries a strict policy: scripts only from this site and only with this render's nonce.
const scriptPolicy = (policy: string) =>
  policy
    .split(";")
    .map((part) => part.trim())
    .find((part) => part.startsWith("script-src")) ?? "";

test("pages allow only their own nonced scripts, and the app still works under the policy", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|load|apply)/i.test(message.text())) violations.push(message.text());
  });
  const response = await page.goto("/en/indicators/soe_arrests_cumulative");
  const policy = response!.headers()["content-security-policy"]!;
  const scripts = scriptPolicy(policy);
  expect(scripts).toMatch(/^script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'$/);
  expect(policy).toContain("object-src 'none'");
  expect(policy).toContain("frame-ancestors 'none'");
  const nonce = /'nonce-([^']+)'/.exec(scripts)![1]!;

  // Every script the server wrote carries the nonce; no inline script runs without it.
  const html = await response!.text();
  const scriptTags = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scriptTags.length).toBeGreaterThan(0);
  for (const tag of scriptTags) expect(tag).toContain(`nonce="${nonce}"`);

  // Client code still runs: the zoomable view loads its chart on request.
  await page.getByTestId("explore-button").click();
  await expect(page.getByTestId("chart-explorer").locator(".recharts-brush")).toBeVisible();
  expect(violations).toEqual([]);
});

test("each render gets its own nonce", async ({ request }) => {
  const nonceOf = async (path: string) => /'nonce-([^']+)'/.exec((await request.get(path)).headers()["content-security-policy"] ?? "")?.[1];
  const [overview, events] = [await nonceOf("/en"), await nonceOf("/en/events")];
  expect(overview).toBeTruthy();
  expect(events).toBeTruthy();
  expect(overview).not.toBe(events);
});

test("every response says nosniff, a referrer policy, a permissions policy and HSTS; only embeds may be framed", async ({ request }) => {
  for (const path of [
    "/en",
    "/es/sources",
    "/api/v1/indicators",
    // Answered before Next.js (server/direct-answers.ts), with the same headers.
    "/api/v1/indicators/homicide_rate/observations?limit=2",
    "/api/v1/indicators/homicide_rate/observations?all=true&format=csv",
    "/api/v1/indicators/no_such_indicator/observations",
    "/en/embed/homicide_rate",
    "/en/changes/feed.xml",
    "/en/editor/sign-in",
  ]) {
    const headers = (await request.get(path)).headers();
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    expect(headers["permissions-policy"], path).toContain("camera=()");
    expect(headers["strict-transport-security"], path).toMatch(/max-age=\d{7,}/);
    if (path.includes("/embed/")) {
      expect(headers["content-security-policy"], path).toContain("frame-ancestors *");
      expect(headers["x-frame-options"], path).toBeUndefined();
    } else {
      expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
      expect(headers["x-frame-options"], path).toBe("DENY");
    }
  }
  for (const path of ["/api/v1/indicators", "/api/v1/indicators/homicide_rate/observations?limit=2"]) {
    const api = (await request.get(path)).headers();
    expect(api["content-security-policy"], path).toBe("default-src 'none'; frame-ancestors 'none'");
  }
});
