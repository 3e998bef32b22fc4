import { expect, test, type Page } from "@playwright/test";

// A journalist downloads the chart: the file carries its own key, unit, title and source line as
// drawn text, in the colours of the reader's theme on an opaque background, in a sans-serif font,
// and nothing is cut off at the sizes it is used at.

const BACKGROUND = { light: "#ffffff", dark: "#121212" } as const;
const SLUG = "homicide_rate";

async function downloadSvg(page: Page, colorScheme: "light" | "dark") {
  await page.emulateMedia({ colorScheme });
  await page.goto(`/en/indicators/${SLUG}`);
  // The PNG button appears once the page runs its script, which also picks the file's theme.
  await expect(page.getByTestId("export-png")).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-svg").click()]);
  expect(download.suggestedFilename()).toBe(colorScheme === "dark" ? `${SLUG}-dark.svg` : `${SLUG}.svg`);
  return (await (await download.createReadStream()).toArray()).join("");
}

/** The <text> contents of an SVG document, read by the browser's own parser. */
async function textsOf(page: Page, svg: string): Promise<string[]> {
  return page.evaluate((markup) => {
    const document = new DOMParser().parseFromString(markup, "image/svg+xml");
    return [...document.querySelectorAll("text")].map((text) => (text.textContent ?? "").replace(/\s+/g, " ").trim());
  }, svg);
}

for (const colorScheme of ["light", "dark"] as const) {
  test(`the SVG download is the chart with its key, standalone, in the ${colorScheme} theme`, async ({ page, request }) => {
    const svg = await downloadSvg(page, colorScheme);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]* width="\d+" height="\d+"/);
    expect(svg).not.toContain("var(");
    expect(svg.replace(/sans-serif/g, "")).not.toMatch(/serif/);
    expect(svg).toMatch(/^<svg[^>]* font-family="[^"]*sans-serif"/);

    // The first thing drawn is the theme's background, covering the whole drawing.
    const first = await page.evaluate((markup) => {
      const root = new DOMParser().parseFromString(markup, "image/svg+xml").documentElement;
      const drawn = [...root.children].find((child) => !["title", "desc", "defs"].includes(child.localName))!;
      return {
        name: drawn.localName,
        fill: drawn.getAttribute("fill"),
        width: drawn.getAttribute("width"),
        opacity: drawn.getAttribute("fill-opacity"),
      };
    }, svg);
    expect(first).toMatchObject({ name: "rect", fill: BACKGROUND[colorScheme], opacity: null });
    expect(first.width).toBe(/viewBox="\S+ \S+ (\S+) /.exec(svg)![1]);

    // The same words the page's chart draws at this width: title, key, unit, source line.
    const onPage = await page
      .getByTestId("chart-svg")
      .locator("text:visible")
      .evaluateAll((texts) => texts.map((text) => (text.textContent ?? "").replace(/\s+/g, " ").trim()));
    const inFile = await textsOf(page, svg);
    expect(inFile).toEqual(onPage);
    const indicator = (await (await request.get(`/api/v1/indicators/${SLUG}`)).json()).data;
    expect(inFile.join(" | ")).toContain("Homicide rate");
    expect(inFile.join(" | ")).toContain(indicator.unit);
    expect(inFile.some((text) => text.includes(`/en/indicators/${SLUG}`))).toBe(true);
    for (const series of ["Official", "Academic"]) expect(inFile.join(" | ")).toMatch(new RegExp(series, "i"));
  });
}

test("nothing in the SVG download is cut off at 1,200 or 600 pixels wide", async ({ page }) => {
  const svg = await downloadSvg(page, "light");
  for (const width of [1200, 600]) {
    await page.setViewportSize({ width: width + 40, height: 900 });
    await page.setContent(
      `<!doctype html><body style="margin:0">${svg.replace("<svg ", `<svg style="width:${width}px;height:auto" `)}</body>`,
    );
    const outside = await page.evaluate(() => {
      const root = document.querySelector("svg")!.getBoundingClientRect();
      return [...document.querySelectorAll("svg text")]
        .map((text) => ({ text: text.textContent, box: text.getBoundingClientRect() }))
        .filter(
          ({ box }) =>
            box.width > 0 &&
            (box.left < root.left - 0.5 || box.right > root.right + 0.5 || box.top < root.top - 0.5 || box.bottom > root.bottom + 0.5),
        )
        .map(({ text }) => text);
    });
    expect(outside, `texts cut off at ${width}px`).toEqual([]);
  }
});

test("the PNG exported in dark mode has an opaque dark background", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto(`/en/indicators/${SLUG}`);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-png").click()]);
  expect(download.suggestedFilename()).toBe(`${SLUG}-dark.png`);
  const png = Buffer.concat(await (await download.createReadStream()).toArray());
  expect(png.subarray(1, 4).toString()).toBe("PNG");
  const pixel = await page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = Object.assign(document.createElement("canvas"), { width: image.width, height: image.height });
    const context = canvas.getContext("2d")!;
    context.drawImage(image, 0, 0);
    const [r, g, b, a] = context.getImageData(2, 2, 1, 1).data;
    return { r, g, b, a, width: image.width };
  }, png.toString("base64"));
  expect(pixel.a).toBe(255);
  expect(Math.max(pixel.r!, pixel.g!, pixel.b!)).toBeLessThan(40);
  // Twice the chart's own width, for sharp print.
  expect(pixel.width).toBeGreaterThanOrEqual(1200);
});

test("the chart file is a plain, bounded address: a bad option is refused, the state is read like the page's", async ({ request }) => {
  const file = await request.get(`/es/indicators/${SLUG}/chart.svg?hide=media&theme=dark&utm=x`);
  expect(file.status()).toBe(200);
  expect(file.headers()["content-type"]).toBe("image/svg+xml; charset=utf-8");
  expect(file.headers()["content-disposition"]).toBe(`attachment; filename="${SLUG}-dark.svg"`);
  expect(file.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
  const svg = await file.text();
  expect(svg).not.toContain("series-media");
  expect(svg).toContain("Tasa de homicidios");
  expect((await request.get(`/en/indicators/${SLUG}/chart.svg?theme=purple`)).status()).toBe(400);
  expect((await request.get(`/en/indicators/no_such_thing/chart.svg`)).status()).toBe(404);
  expect((await request.get(`/xx/indicators/${SLUG}/chart.svg`)).status()).toBe(404);
});
