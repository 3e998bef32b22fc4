import { expect, test, type Locator } from "@playwright/test";

// A reader opens a point's details: beside the point, by mouse, keyboard or finger; points drawn on
// top of each other are listed together, so every figure can be reached and its source followed.

/** Distance in pixels between two boxes (0 when they touch or overlap). */
async function gap(a: Locator, b: Locator) {
  const [one, two] = [(await a.boundingBox())!, (await b.boundingBox())!];
  const dx = Math.max(0, one.x - (two.x + two.width), two.x - (one.x + one.width));
  const dy = Math.max(0, one.y - (two.y + two.height), two.y - (one.y + one.height));
  return Math.hypot(dx, dy);
}

test("clicking a point opens its details next to it, inside the window", async ({ page }) => {
  await page.goto("/en/indicators/homicide_rate");
  await expect(page.getByTestId("export-png")).toBeVisible(); // the page's script runs
  const points = page.getByTestId("chart-svg").locator(".chart-point");
  for (const index of [0, (await points.count()) - 1]) {
    const point = points.nth(index);
    // Forced: where points overlap, the click lands on the one drawn on top, which lists this one too.
    await point.click({ force: true });
    const details = page.getByTestId("point-details");
    await expect(details).toBeVisible();
    expect(await gap(details, point)).toBeLessThanOrEqual(40);
    const box = (await details.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(page.viewportSize()!.width);
    await expect(details.getByRole("link").first()).toHaveAttribute("href", /^https?:\/\//);
  }
});

test("a point that takes the keyboard focus shows its details; Enter moves into them, Escape returns to the point", async ({ page }) => {
  await page.goto("/en/indicators/homicide_rate");
  await expect(page.getByTestId("export-png")).toBeVisible();
  const point = page.getByTestId("chart-svg").locator(".chart-point").nth(3);
  await point.focus();
  // Focus alone shows the details beside the point and leaves the focus on it.
  const details = page.getByTestId("point-details");
  await expect(details).toBeVisible();
  expect(await gap(details, point)).toBeLessThanOrEqual(40);
  await expect(point).toBeFocused();
  await expect(details.getByTestId("point-detail").first()).toContainText((await point.locator("title").textContent())!.split(" · ")[0]!);
  await page.keyboard.press("Enter");
  await expect(details).toBeVisible();
  expect(await gap(details, point)).toBeLessThanOrEqual(40);
  // The details take the focus, so their source link is the next stop.
  await expect(details).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(details).toHaveCount(0);
  await expect(point).toBeFocused();
  await page.keyboard.press(" ");
  await expect(details).toBeFocused();
  // Back on the point, Tab goes on to the next point, which shows its own details.
  await page.keyboard.press("Escape");
  await expect(point).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByTestId("chart-svg").locator(".chart-point").nth(4)).toBeFocused();
  await expect(details).toBeVisible();
});

test("points drawn on the same spot are listed together (238, 261 and 250 sent to CECOT on 16 March 2025)", async ({ page }) => {
  await page.goto("/en/indicators/us_removals_to_cecot");
  await expect(page.getByTestId("export-png")).toBeVisible();
  const sameDay = page.getByTestId("chart-svg").locator(".chart-point", { hasText: "16 March 2025" });
  await expect(sameDay).toHaveCount(3);
  await sameDay.first().click({ force: true });
  const details = page.getByTestId("point-details");
  await expect(details).toBeVisible();
  const figures = details.getByTestId("point-detail");
  // The three, and any other figure drawn within reach of them (WOLA's "nearly 250" of the day before).
  const count = await figures.count();
  expect(count).toBeGreaterThanOrEqual(3);
  const text = (await figures.allTextContents()).join(" | ");
  for (const figure of ["238", "261", "250"]) expect(text).toContain(figure);
  // Each figure: its source, and the way to its own page.
  await expect(details.locator("a.source-link")).toHaveCount(count);
  await expect(details.locator("[data-figure-details]")).toHaveCount(count);
});

test("on a phone, a tap near a point opens it", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ viewport: { width: 375, height: 740 }, hasTouch: true, isMobile: true, baseURL });
  const page = await context.newPage();
  await page.goto("/en/indicators/homicide_rate");
  await expect(page.getByTestId("export-png")).toBeVisible();
  const chart = page.locator('[data-testid^="chart-svg"]:visible').first();
  const point = chart.locator(".chart-point").nth(2);
  const box = (await point.boundingBox())!;
  // A finger lands a few pixels off the marker.
  await page.touchscreen.tap(box.x + box.width / 2 + 6, box.y + box.height / 2 + 6);
  const details = page.getByTestId("point-details");
  await expect(details).toBeVisible();
  const placed = (await details.boundingBox())!;
  expect(placed.x).toBeGreaterThanOrEqual(0);
  expect(placed.x + placed.width).toBeLessThanOrEqual(375);
  expect(await gap(details, point)).toBeLessThanOrEqual(40);
  await context.close();
});

test("the page carries no point details: the first point opened reads them, once, for the chart's state", async ({ page }) => {
  const asked: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes("/point-details")) asked.push(new URL(request.url()).pathname + new URL(request.url()).search);
  });
  const response = await page.goto("/en/indicators/homicide_rate?hide=media&page=2");
  expect(await response!.text()).not.toContain("detailsHref");
  await expect(page.getByTestId("export-png")).toBeVisible();
  expect(asked).toEqual([]);
  const points = page.getByTestId("chart-svg").locator(".chart-point");
  for (const index of [0, 3, 5]) {
    await points.nth(index).focus();
    // Points drawn on the same spot are listed together: this one is among them.
    await expect(page.getByTestId("point-details")).toContainText(
      (await points.nth(index).locator("title").textContent())!.split(" · ")[0]!,
    );
  }
  // The table's page is not part of what the chart draws.
  expect(asked).toEqual(["/en/indicators/homicide_rate/point-details?hide=media"]);
});

test("when the details cannot be read, a point still says what it is and links to its figure's page", async ({ page }) => {
  await page.route("**/point-details**", (route) => route.fulfill({ status: 503, contentType: "application/json", body: "{}" }));
  await page.goto("/en/indicators/homicide_rate");
  await expect(page.getByTestId("export-png")).toBeVisible();
  const point = page.getByTestId("chart-svg").locator(".chart-point").nth(3);
  await point.focus();
  const detail = page.getByTestId("point-details").getByTestId("point-detail").first();
  await expect(detail).toContainText((await point.locator("title").textContent())!);
  const id = await point.getAttribute("data-observation");
  await expect(detail.getByRole("link")).toHaveAttribute("href", `/en/figures/${id}`);
});
