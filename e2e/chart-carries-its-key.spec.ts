import { expect, test, type Locator } from "@playwright/test";
import { dataset } from "./dataset";

// Issue 14: the chart is a self-contained piece of evidence. Its SVG names every drawn series and the
// unit as drawn text, no two of its labels overlap, the chosen years are the axis range, and on a
// phone its text is at least 11 px tall.

const unitOf = (slug: string) => (dataset.indicators.find((i) => i.slug === slug) as unknown as { unit: string }).unit;

/** Every <text> in the chart as drawn at this width (tooltips and the other layout's hidden words left out), with its box in the SVG's units. */
async function drawnTexts(chart: Locator) {
  return chart.evaluate((svg: SVGSVGElement) =>
    [...svg.querySelectorAll("text")]
      .filter((text) => text.getBoundingClientRect().width > 0)
      // A hedge mark (≥, ≈) belongs to its point like the marker's shape; labels are what must not collide.
      .filter((text) => !text.classList.contains("chart-qualifier"))
      .map((text) => {
        const copy = text.cloneNode(true) as SVGTextElement;
        copy.querySelectorAll("title").forEach((title) => title.remove());
        const box = text.getBBox();
        return {
          text: (copy.textContent ?? "").trim(),
          className: text.getAttribute("class") ?? "",
          box: { x1: box.x, y1: box.y, x2: box.x + box.width, y2: box.y + box.height },
        };
      }),
  );
}

test.describe("the chart carries its own key", () => {
  test.use({ viewport: { width: 1366, height: 900 } });

  for (const slug of ["homicide_rate", "soe_arrests_cumulative", "soe_extensions_count"]) {
    test(`names every series and the unit, with no two labels overlapping (${slug})`, async ({ page }) => {
      await page.goto(`/en/indicators/${slug}`);
      const chart = page.getByTestId("chart-svg");
      await expect(chart).toBeVisible();
      const texts = await drawnTexts(chart);
      const drawn = texts.map((t) => t.text).join("\n");

      const producers = await chart.locator(".chart-series").evaluateAll((groups) => groups.map((g) => g.getAttribute("data-producer")!));
      expect(producers.length).toBeGreaterThan(0);
      for (const producer of producers) expect(drawn, producer).toContain(producer);

      await expect(chart.locator(".chart-unit text:visible").first()).toBeVisible();
      expect(
        (await chart.locator(".chart-unit text:visible").allTextContents())
          .map((t) => t.trim())
          .join(" ")
          .trim(),
      ).toBe(unitOf(slug));

      // The source line is drawn too, and the title.
      await expect(chart.locator(".chart-source text:visible").first()).toContainText("Sources:");
      await expect(chart.locator(".chart-title:visible").first()).toBeVisible();

      const collisions = texts.flatMap((a, i) =>
        texts
          .slice(i + 1)
          .filter((b) => a.box.x1 < b.box.x2 && b.box.x1 < a.box.x2 && a.box.y1 < b.box.y2 && b.box.y1 < a.box.y2)
          .map((b) => `"${a.text}" × "${b.text}"`),
      );
      expect(collisions).toEqual([]);

      // Nothing leaves the viewBox.
      const viewBox = await chart.evaluate((svg: SVGSVGElement) => ({
        width: svg.viewBox.baseVal.width,
        height: svg.viewBox.baseVal.height,
      }));
      for (const { text, box } of texts) {
        expect(box.x1, text).toBeGreaterThanOrEqual(0);
        expect(box.y1, text).toBeGreaterThanOrEqual(0);
        expect(box.x2, text).toBeLessThanOrEqual(viewBox.width);
        expect(box.y2, text).toBeLessThanOrEqual(viewBox.height);
      }
    });
  }

  test("the chosen years are the axis range even with series hidden", async ({ page }) => {
    await page.goto("/en/indicators/homicide_rate?hide=government,media&from=2019&to=2024");
    const chart = page.getByTestId("chart-svg");
    await expect(chart).toHaveAttribute("data-x-from", "2019");
    await expect(chart).toHaveAttribute("data-x-to", "2024");
    const years = (await chart.locator(".chart-x-tick:visible").allTextContents()).map((t) => t.trim());
    expect(years[0]).toBe("2019");
    expect(years.at(-1)).toBe("2024");
    expect(new Set(years).size).toBe(years.length);
    await expect(chart.locator(".series-government")).toHaveCount(0);
  });
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });

  for (const slug of ["homicide_rate", "soe_arrests_cumulative"]) {
    test(`the chart's text is at least 11 px tall (${slug})`, async ({ page }) => {
      await page.goto(`/es/indicators/${slug}`);
      // One SVG holds both layouts: the phone's words are shown, the wide ones hidden.
      const chart = page.getByTestId("chart-svg");
      await expect(chart).toBeVisible();
      await expect(chart.locator(".chart-words-wide").first()).toBeHidden();
      await expect(chart.locator(".chart-words-narrow").first()).toBeVisible();
      const sizes = await chart.evaluate((svg: SVGSVGElement) => {
        // The phone's words (and its markers) are drawn scaled up to the wide layout's width, then the whole SVG scaled down.
        const layout = svg.querySelector<SVGGElement>(".chart-words-narrow")!.transform.baseVal.consolidate()!.matrix.a;
        const scale = (svg.getBoundingClientRect().width / svg.viewBox.baseVal.width) * layout;
        return [...svg.querySelectorAll("text")]
          .filter((text) => text.getBoundingClientRect().width > 0)
          .map((text) => ({
            text: text.textContent,
            px: parseFloat(getComputedStyle(text).fontSize) * scale,
            height: text.getBoundingClientRect().height,
          }));
      });
      expect(sizes.length).toBeGreaterThan(10);
      for (const { text, px, height } of sizes) {
        expect(px, text ?? "").toBeGreaterThanOrEqual(11);
        expect(height, text ?? "").toBeGreaterThanOrEqual(11);
      }
    });
  }
});
