import { expect, test } from "@playwright/test";
import { observationsOf } from "./dataset";

const HOST = "http://newsroom.example";
/** The most the embed code's height may exceed the embed's content at its tallest (px). */
const SPARE = 80;

test("a newsroom embeds a chart from another origin; it renders and sizes itself", async ({ page, baseURL }) => {
  // The newsroom's page, served from a different origin, listens for the embed's height.
  await page.route(`${HOST}/**`, (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<!doctype html><title>Story</title><h1>Story</h1>
        <iframe id="chart" src="${baseURL}/en/embed/homicide_rate?hide=media" width="800" height="150" style="border:0"></iframe>
        <script>
          addEventListener("message", (event) => {
            if (event.data && event.data.type === "contraste:resize") document.getElementById("chart").height = event.data.height;
          });
        </script>`,
    }),
  );
  await page.goto(`${HOST}/story`);
  const frame = page.frameLocator("#chart");
  await expect(frame.getByTestId("chart-svg")).toBeVisible();
  await expect(frame.getByTestId("chart-svg").locator(".series-media")).toHaveCount(0);
  await expect(frame.getByRole("link", { name: /Contraste/ })).toHaveAttribute("href", /\/en\/indicators\/homicide_rate\?hide=media$/);
  // The producers and the source line are drawn in the chart; under it there is only the link back.
  // One SVG holds the wide and the phone words; the frame's width shows one of them.
  await expect(frame.getByTestId("chart-svg").locator(".chart-source:visible")).toContainText(
    /Sources: .+\/en\/indicators\/homicide_rate · accessed/,
  );
  await expect(frame.locator(".embed-source")).toHaveText("See every figure and source on Contraste");
  await expect.poll(async () => Number(await page.locator("#chart").getAttribute("height"))).toBeGreaterThan(300);
  // The embed has no site navigation.
  await expect(frame.getByRole("navigation")).toHaveCount(0);
});

test("only embeds may be framed by other sites", async ({ request }) => {
  const embed = await request.get("/en/embed/homicide_rate");
  expect(embed.headers()["content-security-policy"]).toContain("frame-ancestors *");
  expect(embed.headers()["x-frame-options"]).toBeUndefined();
  const page = await request.get("/en/indicators/homicide_rate");
  expect(page.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(page.headers()["x-frame-options"]).toBe("DENY");
});

test("oEmbed: discovery link on the page and a valid rich response", async ({ page, request, baseURL }) => {
  await page.goto("/en/indicators/homicide_rate");
  const discovery = await page.locator('link[type="application/json+oembed"]').getAttribute("href");
  expect(discovery).toContain("/api/oembed?url=");
  const response = await request.get(discovery!);
  expect(response.status()).toBe(200);
  const oembed = await response.json();
  expect(oembed).toMatchObject({
    version: "1.0",
    type: "rich",
    provider_name: "Contraste",
    title: "Homicide rate",
    width: expect.any(Number),
    height: expect.any(Number),
  });
  expect(oembed.html).toMatch(new RegExp(`^<iframe src="${baseURL}/en/embed/homicide_rate"`));
  expect(oembed.html).toContain(` height="${oembed.height}"`);
  // oEmbed gives the height the page's embed code gives, for each chart and the state its address carries.
  for (const address of ["/en/indicators/homicide_rate", "/es/indicators/soe_arrests_cumulative?hide=media"]) {
    await page.goto(address);
    await page.getByTestId("embed-button").click();
    const code = await page.getByTestId("embed-code").inputValue();
    const fromPage = Number(/ height="(\d+)"/.exec(code)![1]);
    const answer = await (await request.get(`/api/oembed?url=${encodeURIComponent(`${baseURL}${address}`)}`)).json();
    expect(answer.height, address).toBe(fromPage);
    expect(answer.html, address).toContain(` height="${fromPage}"`);
    // maxheight caps it.
    const capped = await (await request.get(`/api/oembed?url=${encodeURIComponent(`${baseURL}${address}`)}&maxheight=200`)).json();
    expect(capped.height).toBe(200);
  }
  expect(
    (await request.get(`/api/oembed?url=${encodeURIComponent("https://elsewhere.example/en/indicators/homicide_rate")}`)).status(),
  ).toBe(404);
  expect((await request.get(`/api/oembed?url=${encodeURIComponent(`${baseURL}/en/indicators/homicide_rate`)}&format=xml`)).status()).toBe(
    501,
  );
});

test("a researcher downloads the data and the chart, and copies the citation and embed code", async ({ page }) => {
  await page.goto("/en/indicators/homicide_rate");
  const [csv] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Data (CSV)" }).click()]);
  const lines = (await (await csv.createReadStream()).toArray()).join("").trim().split("\r\n");
  expect(lines).toHaveLength(observationsOf("homicide_rate").length + 1);
  for (const line of lines.slice(1)) expect(line).toMatch(/https?:\/\//);

  const [svg] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-svg").click()]);
  const svgText = (await (await svg.createReadStream()).toArray()).join("");
  expect(svgText).toMatch(/^<svg/);
  expect(svgText).toContain("Homicide rate");
  // The chart's own source line: the page it comes from and the day it was read.
  expect(svgText).toMatch(/>[^<>]*\/en\/indicators\/homicide_rate · accessed \d{1,2} \w+ \d{4}<\/text>/);
  expect(svgText).not.toContain("var(--");

  const [png] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-png").click()]);
  const pngBytes = Buffer.concat(await (await png.createReadStream()).toArray());
  expect(pngBytes.subarray(1, 4).toString()).toBe("PNG");

  await expect(page.getByTestId("citation")).toContainText(
    /Contraste, "Homicide rate", http.*\/en\/indicators\/homicide_rate \(accessed \d{4}-\d{2}-\d{2}\)/,
  );
  await page.getByTestId("embed-button").click();
  await expect(page.getByTestId("embed-code")).toHaveValue(/<iframe src=".*\/en\/embed\/homicide_rate"/);
  // The help names the message the embed sends, so a host page can size the frame exactly.
  await expect(page.getByText('"contraste:resize"', { exact: false }).first()).toBeVisible();
});

test("the embed code's height fits the embed's content at a phone's and a desktop's width, without the resize message", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(150_000);
  // The homicide rate and the arrests (the tallest key), at a phone's widths, the phone layout's widest and a desktop's.
  for (const slug of ["homicide_rate", "soe_arrests_cumulative"]) {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`/es/indicators/${slug}`);
    await page.getByTestId("embed-button").click();
    const code = await page.getByTestId("embed-code").inputValue();
    const height = Number(/ height="(\d+)"/.exec(code)![1]);
    let tallest = 0;
    for (const width of [320, 375, 600, 800, 1200]) {
      // The host page pastes the code as it is and listens for nothing.
      await page.setViewportSize({ width, height: 900 });
      await page.route(`${HOST}/**`, (route) =>
        route.fulfill({ contentType: "text/html", body: `<!doctype html><body style="margin:0">${code}</body>` }),
      );
      await page.goto(`${HOST}/story`);
      const frame = page.frameLocator("iframe");
      await expect(frame.locator('[data-testid^="chart-svg"]:visible')).toHaveCount(1);
      const content = await frame.locator("main").evaluate((main) => Math.ceil(main.getBoundingClientRect().bottom + window.scrollY));
      expect(content, `${slug} at ${width}px (${baseURL})`).toBeLessThanOrEqual(height);
      tallest = Math.max(tallest, content);
      await page.unroute(`${HOST}/**`);
    }
    // Nor much taller than the embed at its tallest: no wide blank under the chart.
    expect(height - tallest, `${slug}: ${height} px for ${tallest} px of content`).toBeLessThanOrEqual(SPARE);
  }
});
