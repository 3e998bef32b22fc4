import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

const PAGES = [
  "",
  "/indicators/homicide_rate",
  "/indicators/homicide_rate?view=table",
  "/indicators/deaths_in_custody_cumulative",
  "/indicators/soe_arrests_cumulative/disagreements",
  "/events",
  "/sources",
  "/changes",
  "/api-docs",
  "/embed/homicide_rate",
];

for (const colorScheme of ["light", "dark"] as const) {
  for (const locale of ["es", "en"]) {
    test(`no WCAG 2.2 AA violations, ${locale}, ${colorScheme}`, async ({ page }) => {
      // Six full-page scans; on a busy 2-core machine they take longer than the default 30 s.
      test.setTimeout(180_000);
      await page.emulateMedia({ colorScheme });
      for (const path of PAGES) {
        await page.goto(`/${locale}${path}`);
        const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
        const summary = results.violations.map(
          (violation) =>
            `${violation.id}: ${violation.nodes
              .slice(0, 3)
              .map((node) => node.target.join(" "))
              .join(" | ")}`,
        );
        expect(summary, `${locale}${path} (${colorScheme})`).toEqual([]);
      }
    });
  }
}

test("chart points are reachable by keyboard and say what they show", async ({ page }) => {
  await page.goto("/en/indicators/homicide_rate");
  const first = page.getByTestId("chart-svg").locator("[data-observation]").first();
  await first.focus();
  await expect(first).toBeFocused();
  // Its <title> is its name, as a screen reader reads it.
  await expect(first).toHaveAccessibleName(/\d.*·.*\d{4}.*·/);
  await expect(page.getByTestId("point-details")).toBeVisible();
  await page.keyboard.press("Tab");
  await expect(page.getByTestId("chart-svg").locator("[data-observation]").nth(1)).toBeFocused();
});
