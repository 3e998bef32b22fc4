import { writeFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signInAdmin } from "./editor-admin";

// An editor imports figures from a spreadsheet: the check counts every bad row, lists the first
// hundred and blocks the import, the corrected file goes in as drafts, the same file again adds nothing, and a file of
// two thousand rows shows its progress.

const HEADER = "indicator,value,asOf,datePrecision,producer,producerType,sourceUrl,publisher";
const good = (value: string) => `homicide_rate,${value},2030,year,Import Test Lab,academic,https://example.org/import-test,Import Test`;
const GOOD_ROWS = [good("9.91"), good("9.92"), good("9.93")] as const;
const csvFile = (name: string, lines: readonly string[]) => ({
  name,
  mimeType: "text/csv",
  buffer: Buffer.from(`${[HEADER, ...lines].join("\r\n")}\r\n`),
});

const totals = (page: Page) => page.getByTestId("import-totals");
const total = (page: Page, label: string) =>
  totals(page)
    .locator("div")
    .filter({ has: page.getByText(label, { exact: true }) })
    .locator("dd");
const importButton = (page: Page) => page.getByRole("button", { name: /^Import everything: \d[\d,]* figures?$/ });
const outcome = (page: Page) => page.getByTestId("import-outcome");

async function chooseAndCheck(page: Page, file: ReturnType<typeof csvFile>) {
  await page.getByLabel("CSV file").setInputFiles(file);
  // Wait until this file is read, so the check cannot run on the previous one.
  await expect(page.getByText(`${file.name}: `)).toBeVisible();
  await expect(page.getByRole("combobox", { name: "indicator (required)" })).toHaveValue("indicator");
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(totals(page)).toBeVisible();
}

test.beforeEach(async ({ page }) => {
  await signInAdmin(page.request);
});

test("signed out, the import page sends people to sign in", async ({ browser }) => {
  const stranger = await browser.newPage();
  await stranger.goto("/en/editor/import");
  await expect(stranger).toHaveURL(/\/en\/editor\/sign-in/);
  await stranger.close();
});

test("an editor checks a file, fixes its bad rows, imports it as drafts, and re-importing adds nothing", async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto("/en/editor/import");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Import figures from a CSV file");
  await expect(page.getByRole("link", { name: /Download the template/ })).toHaveAttribute("href", "/api/editor/imports/template");

  await test.step("the check lists exactly the two bad rows and blocks the import", async () => {
    // Row 1 is the header: the impossible date is on row 3, the unknown producer type on row 5.
    const rows = [
      GOOD_ROWS[0],
      "homicide_rate,9.94,2030-02-30,day,Import Test Lab,academic,https://example.org/import-test,Import Test",
      GOOD_ROWS[1],
      "homicide_rate,9.95,2030,year,Import Test Lab,blog,https://example.org/import-test,Import Test",
      GOOD_ROWS[2],
    ];
    await page.getByLabel("CSV file").setInputFiles(csvFile("with-errors.csv", rows));
    await expect(page.getByText("with-errors.csv: 5 rows below the header.")).toBeVisible();
    // Columns named like the fields are matched already; the rest say "not in this file".
    await expect(page.getByRole("combobox", { name: "producerType (required)" })).toHaveValue("producerType");
    await expect(page.getByRole("combobox", { name: "valueMax", exact: true })).toHaveValue("");

    await page.getByRole("button", { name: "Check the file" }).click();
    await expect(page.getByTestId("import-check-status")).toHaveText("Checked 5 rows: 3 new, 0 already stored, 2 problems.");
    await expect(total(page, "Problems")).toHaveText("2");
    await expect(total(page, "New figures")).toHaveText("3");

    const problems = page.getByRole("table", { name: /Problems found/ });
    await expect(problems.getByRole("columnheader")).toHaveText(["Row", "Column", "Reason"]);
    const bodyRows = problems.locator("tbody tr");
    await expect(bodyRows).toHaveCount(2);
    await expect(bodyRows.nth(0).locator("td")).toHaveText(["3", "asOf", "“2030-02-30” is not a day of the calendar."]);
    await expect(bodyRows.nth(1).locator("td").nth(0)).toHaveText("5");
    await expect(bodyRows.nth(1).locator("td").nth(1)).toHaveText("producerType");

    await expect(importButton(page)).toHaveText("Import everything: 3 figures");
    await expect(importButton(page)).toBeDisabled();
    await expect(page.getByText("To import everything, first fix the rows with problems and check the file again.")).toBeVisible();

    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
    expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes[0]?.target.join(" ")}`)).toEqual([]);
  });

  await test.step("the corrected file imports as three drafts", async () => {
    await chooseAndCheck(page, csvFile("corrected.csv", GOOD_ROWS));
    await expect(total(page, "Problems")).toHaveText("0");
    await expect(page.getByRole("table", { name: /The first 3 new figures/ }).locator("tbody tr")).toHaveCount(3);
    await expect(importButton(page)).toHaveText("Import everything: 3 figures");
    await importButton(page).click();
    await expect(outcome(page)).toContainText(
      "3 drafts imported, 0 proposed corrections; 0 rows already stored skipped; 0 rows set aside.",
    );
    await expect(outcome(page).getByRole("link", { name: "Open the review queue" })).toHaveAttribute(
      "href",
      /^\/en\/editor\/review\?batch=c/,
    );
  });

  await test.step("checking the same file again finds only duplicates, and importing it creates nothing", async () => {
    await page.getByRole("button", { name: "Check the file" }).click();
    await expect(page.getByTestId("import-check-status")).toHaveText("Checked 3 rows: 0 new, 3 already stored, 0 problems.");
    await expect(importButton(page)).toBeDisabled();
    await expect(page.getByText("There are no new figures or corrections to import: every row is already stored.")).toBeVisible();

    // The button stays off when nothing is new; the route itself answers the same for a second import.
    const csv = csvFile("corrected.csv", GOOD_ROWS).buffer.toString();
    const mapping = Object.fromEntries(HEADER.split(",").map((column) => [column, column]));
    const again = await page.request.post("/api/editor/imports", { data: { csv, mapping } });
    expect(again.status()).toBe(201);
    expect((await again.json()).data).toMatchObject({ created: 0, duplicates: 3, totalRows: 3, batchId: null });
  });
});

test("a file with hundreds of bad rows counts them all and lists the first hundred, in English and Spanish", async ({ page }) => {
  await page.goto("/en/editor/import");
  await expect(page.getByText("at most 20 MB")).toBeVisible();
  const rows = Array.from(
    { length: 250 },
    (_, i) => `homicide_rate,${20000 + i},2032,year,Import Test Lab,blog,https://example.org/import-test,Import Test`,
  );
  const file = csvFile("many-errors.csv", rows);
  await chooseAndCheck(page, file);
  await expect(total(page, "Problems")).toHaveText("250");
  await expect(total(page, "Rows with problems")).toHaveText("250");
  await expect(page.getByTestId("import-problems-truncated")).toHaveText(
    "The server lists the first 100 of 250 problems. Fix these and check again to see the rest.",
  );
  await expect(page.getByTestId("import-problems-by-column")).toHaveText("producerType: 250 problems");
  const problems = page.getByRole("table", { name: /Problems found/ }).locator("tbody tr");
  await expect(problems).toHaveCount(25);
  await expect(problems.first().locator("td").first()).toHaveText("2");
  const pages = page.getByRole("navigation", { name: "Pages of problems" });
  await expect(pages).toContainText("Page 1 of 4");
  for (let turn = 0; turn < 3; turn++) await pages.getByRole("button", { name: "Next page" }).click();
  await expect(pages).toContainText("Page 4 of 4");
  await expect(problems.last().locator("td").first()).toHaveText("101");
  await expect(importButton(page)).toBeDisabled();

  await page.goto("/es/editor/import");
  await expect(page.getByText("20 MB como máximo")).toBeVisible();
  await page.getByLabel("Archivo CSV").setInputFiles(file);
  await expect(page.getByText(`${file.name}: `)).toBeVisible();
  await page.getByRole("button", { name: "Revisar el archivo" }).click();
  await expect(page.getByTestId("import-problems-truncated")).toHaveText(
    "El servidor lista los primeros 100 de 250 problemas. Corríjalos y revise de nuevo para ver el resto.",
  );
});

test("a file over 20 MB is refused before it is sent, and the server refuses such a body with 413", async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto("/en/editor/import");
  // From disk: the browser opens the file itself instead of receiving 21 MB over the protocol.
  const big = test.info().outputPath("huge.csv");
  writeFileSync(big, Buffer.alloc(21 * 1024 * 1024, "a"));
  await page.getByLabel("CSV file").setInputFiles(big);
  await expect(page.getByText("This file is 21 MB; the importer takes files of up to 20 MB. Split it into smaller files.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Check the file" })).toHaveCount(0);

  const response = await page.request.post("/api/editor/imports/preview", { data: { csv: "a".repeat(26 * 1024 * 1024), mapping: {} } });
  expect(response.status()).toBe(413);
  expect((await response.json()).error.code).toBe("payload_too_large");
});

test("two thousand rows import in one go, with a progress bar while they are sent and saved", async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto("/en/editor/import");
  const rows = Array.from(
    { length: 2000 },
    (_, i) => `homicide_rate,${10000 + i},2031,year,Import Test Lab,academic,https://example.org/import-test-bulk,Import Test`,
  );
  await chooseAndCheck(page, csvFile("bulk.csv", rows));
  await expect(total(page, "New figures")).toHaveText("2,000");

  // Hold the request until the bar has been seen: on a local server the upload itself is instant.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/api/editor/imports", async (route) => {
    await held;
    await route.continue();
  });
  await importButton(page).click();
  await expect(page.getByRole("progressbar")).toBeVisible();
  await expect(importButton(page)).toBeDisabled();
  release();

  await expect(outcome(page)).toContainText(
    "2,000 drafts imported, 0 proposed corrections; 0 rows already stored skipped; 0 rows set aside.",
    {
      timeout: 120_000,
    },
  );
  await expect(page.getByRole("progressbar")).toHaveCount(0);
});
