import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signInAdmin } from "./editor-admin";

// Staff import the files they actually have, on the Spanish page: a Spanish Excel file (semicolons,
// decimal commas, DD/MM/YYYY, saved as Windows-1252), an Our World in Data download whose indicator,
// producer and source are typed once for every row, and an Excel "CSV UTF-8" file with its BOM.
// Each run names its own producers, so the figures are new whatever ran before on the database.

const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const FIXTURES = path.join(import.meta.dirname, "..", "testing", "fixtures");

type Stored = { value: string; asOf: string; precision: string; producer: string };

/** Imports the checked file and reads back every draft of its batch from the draft's own edit form. */
async function importAndReadDrafts(page: Page, count: number): Promise<Stored[]> {
  const answer = page.waitForResponse(
    (response) => response.url().endsWith("/api/editor/imports") && response.request().method() === "POST",
  );
  await page.getByRole("button", { name: count === 1 ? "Importar todo: 1 cifra" : `Importar todo: ${count} cifras` }).click();
  const response = await answer;
  expect(response.status()).toBe(201);
  const { batchId } = (await response.json()).data as { batchId: string };
  await expect(page.getByTestId("import-outcome")).toContainText(
    count === 1 ? "Se importó 1 borrador" : `Se importaron ${count} borradores`,
  );

  await page.goto(`/es/editor/review?batch=${encodeURIComponent(batchId)}`);
  const links = page.locator('main a[href*="/es/editor/observations/"]');
  await expect(links.first()).toBeVisible();
  const hrefs = [...new Set(await links.evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute("href")!)))].filter(
    (href) => !href.endsWith("/new"),
  );
  expect(hrefs).toHaveLength(count);
  const drafts: Stored[] = [];
  for (const href of hrefs) {
    await page.goto(href);
    drafts.push({
      value: await page.locator('[name="value"]').inputValue(),
      asOf: await page.locator('[name="asOf"]').inputValue(),
      precision: await page.locator('[name="datePrecision"]').inputValue(),
      producer: await page.locator('[name="producer.name"]').inputValue(),
    });
  }
  return drafts.sort((a, b) => a.asOf.localeCompare(b.asOf) || a.value.localeCompare(b.value));
}

const reading = (page: Page) => page.getByTestId("import-reading");

test.beforeEach(async ({ page }) => {
  await signInAdmin(page.request);
  await page.goto("/es/editor/import");
});

test("a Spanish Excel file (Windows-1252, semicolons, 10,4 and 15/03/2025) imports with its accents, values and dates right", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const cristosal = `Fundación Cristosal ${run}`;
  const socorro = `Socorro Jurídico Humanitario ${run}`;
  const file = (rows: string[]) => ({
    name: "cifras-marzo.csv",
    mimeType: "text/csv",
    // Excel on a Spanish Windows: Windows-1252 bytes (ó is one byte, 0xF3), CRLF line ends.
    buffer: Buffer.from(["indicador;valor;fecha;productor;tipo de productor;url;medio", ...rows, ""].join("\r\n"), "latin1"),
  });
  const good = [
    `homicide_rate;10,4;15/03/2025;${cristosal};ngo;https://example.org/cristosal-${run}/marzo;Fundación Cristosal`,
    `homicide_rate;1.234,5;5/1/2025;${socorro};ngo;https://example.org/sjh-${run}/boletin;Socorro Jurídico Humanitario`,
  ];

  await test.step("the file's encoding, separator and formats are detected and said in Spanish", async () => {
    await page
      .getByLabel("Archivo CSV")
      .setInputFiles(file([...good, `homicide_rate;diez;31/02/2025;${cristosal};ngo;https://example.org/c;X`]));
    await expect(page.getByText("cifras-marzo.csv: 3 filas bajo el encabezado.")).toBeVisible();
    await expect(page.getByTestId("import-encoding")).toHaveText("Codificación: Windows-1252 (no era UTF-8; así guarda Excel en Windows)");
    await expect(reading(page).getByLabel("Separador de columnas")).toHaveValue("semicolon");
    await expect(reading(page)).toContainText("Detectado en las primeras líneas: punto y coma (;).");
    await expect(reading(page).getByLabel("Formato de los números")).toHaveValue("decimal_comma");
    await expect(reading(page)).toContainText("Detectado en la columna «valor».");
    await expect(reading(page).getByLabel("Formato de las fechas")).toHaveValue("dmy");
    // The accented producer names arrive intact: the file's columns are the ones the header names.
    await expect(page.getByRole("combobox", { name: "producer (obligatorio)" })).toHaveValue("productor");
    await expect(page.getByRole("combobox", { name: "producerType (obligatorio)" })).toHaveValue("tipo de productor");
  });

  await test.step("read with commas, the file is one column, and the page says why", async () => {
    const oneColumn =
      "El archivo se leyó como una sola columna, pero su encabezado contiene punto y coma (;). Elija ese separador de columnas.";
    await reading(page).getByLabel("Separador de columnas").selectOption("comma");
    await expect(page.getByTestId("import-one-column")).toHaveText(oneColumn);
    // Checking it anyway says so again, beside the fields no column could be found for.
    await page.getByRole("button", { name: "Revisar el archivo" }).click();
    await expect(page.getByTestId("import-check-status")).toContainText(oneColumn);
    await reading(page).getByLabel("Separador de columnas").selectOption("semicolon");
    await expect(page.getByTestId("import-one-column")).toHaveCount(0);
  });

  await test.step("the check names each bad cell in Spanish", async () => {
    await page.getByRole("button", { name: "Revisar el archivo" }).click();
    await expect(page.getByTestId("import-read-as")).toContainText(
      "Leído como Windows-1252 (no era UTF-8; así guarda Excel en Windows), separado por punto y coma (;), con coma decimal: 1.234,5 y fechas DD/MM/AAAA (15/03/2025).",
    );
    const problems = page.getByTestId("import-problems").locator("tbody tr");
    await expect(problems).toHaveCount(2);
    await expect(problems.nth(0).locator("td")).toHaveText(["4", "fecha", "«31/02/2025» no existe en el calendario."]);
    await expect(problems.nth(1).locator("td")).toHaveText([
      "4",
      "valor",
      "«diez» no es un número escrito con coma decimal (p. ej. 1.234,5).",
    ]);
  });

  await test.step("the corrected file imports, values and dates as the spreadsheet meant them", async () => {
    await page.getByLabel("Archivo CSV").setInputFiles(file(good));
    await expect(page.getByText("cifras-marzo.csv: 2 filas bajo el encabezado.")).toBeVisible();
    await page.getByRole("button", { name: "Revisar el archivo" }).click();
    await expect(page.getByTestId("import-totals")).toBeVisible();
    expect(await importAndReadDrafts(page, 2)).toEqual([
      { value: "1234.5", asOf: "2025-01-05", precision: "day", producer: socorro },
      { value: "10.4", asOf: "2025-03-15", precision: "day", producer: cristosal },
    ]);
  });
});

test("an Our World in Data file imports as it comes, with indicator, producer, type, source and publisher set once", async ({ page }) => {
  test.setTimeout(120_000);
  const producer = `UNODC vía Our World in Data ${run}`;
  await page.getByLabel("Archivo CSV").setInputFiles(path.join(FIXTURES, "import-owid-homicide-rate.csv"));
  await expect(page.getByText("import-owid-homicide-rate.csv: 6 filas bajo el encabezado.")).toBeVisible();

  await test.step("the layout is recognised: Year is the date, the series the value, and only El Salvador's rows are read", async () => {
    await expect(page.getByTestId("import-encoding")).toHaveText("Codificación: UTF-8");
    await expect(reading(page).getByLabel("Separador de columnas")).toHaveValue("comma");
    await expect(reading(page).getByLabel("Formato de los números")).toHaveValue("decimal_point");
    await expect(reading(page).getByLabel("Columna de la condición 1")).toHaveValue("Entity");
    await expect(reading(page).getByLabel("Valor de la condición 1")).toHaveValue("El Salvador");
    await expect(page.getByTestId("import-filter-effect")).toHaveText("Se omitirán 3 filas de 6 que no cumplen las condiciones.");
    await expect(page.getByRole("combobox", { name: "asOf (obligatorio)" })).toHaveValue("Year");
    await expect(page.getByRole("combobox", { name: "value (obligatorio)" })).toHaveValue(
      "Homicide rate per 100,000 population - Both sexes - All ages",
    );
  });

  await test.step("the fields the file lacks get one value for every row", async () => {
    const fix = async (field: string) => page.getByRole("combobox", { name: `Origen de ${field}`, exact: true }).selectOption("fixed");
    await fix("indicator");
    await page.getByRole("combobox", { name: "indicator (obligatorio)" }).selectOption("homicide_rate");
    await fix("producer");
    await page.getByRole("textbox", { name: "producer (obligatorio)" }).fill(producer);
    await fix("producerType");
    await page.getByRole("combobox", { name: "producerType (obligatorio)" }).selectOption("intergovernmental");
    await fix("sourceUrl");
    await page
      .getByRole("textbox", { name: "sourceUrl (obligatorio)" })
      .fill(`https://ourworldindata.org/grapher/homicide-rate-unodc?run=${run}`);
    await fix("publisher");
    await page.getByRole("textbox", { name: "publisher (obligatorio)" }).fill("Our World in Data");

    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
    expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes[0]?.target.join(" ")}`)).toEqual([]);
  });

  await test.step("checked and imported: three yearly figures of the fixed producer", async () => {
    await page.getByRole("button", { name: "Revisar el archivo" }).click();
    await expect(page.getByTestId("import-read-as")).toContainText("separado por coma (,), con punto decimal: 1,234.5");
    await expect(page.getByTestId("import-read-as")).toContainText("Se omitirán 3 filas de 6");
    expect(await importAndReadDrafts(page, 3)).toEqual([
      { value: "37.16", asOf: "2019-01-01", precision: "year", producer },
      { value: "20.06", asOf: "2020-01-01", precision: "year", producer },
      { value: "18.17", asOf: "2021-01-01", precision: "year", producer },
    ]);
  });
});

test("an Excel “CSV UTF-8” file, byte-order mark and all, imports on the Spanish page", async ({ page }) => {
  test.setTimeout(120_000);
  const producer = `Observatorio Universitario de Derechos Humanos ${run}`;
  const text =
    "\uFEFFindicator,value,asOf,datePrecision,producer,producerType,sourceUrl,publisher,noteEs\r\n" +
    `homicide_rate,12.5,2025-02-28,day,${producer},academic,https://example.org/oudh-${run}/febrero,OUDH,"Cifra preliminar, sujeta a revisión"\r\n` +
    `homicide_rate,1.9,2025-01,month,${producer},academic,https://example.org/oudh-${run}/enero,OUDH,\r\n`;
  await page.getByLabel("Archivo CSV").setInputFiles({ name: "oudh.csv", mimeType: "text/csv", buffer: Buffer.from(text, "utf8") });
  await expect(page.getByText("oudh.csv: 2 filas bajo el encabezado.")).toBeVisible();
  await expect(page.getByTestId("import-encoding")).toHaveText("Codificación: UTF-8 con BOM (como lo guarda Excel)");
  // The mark is not part of the first column's name: the columns map themselves.
  await expect(page.getByRole("combobox", { name: "indicator (obligatorio)" })).toHaveValue("indicator");
  // The cells show decimal points and ISO dates, whatever the page's language would suggest.
  await expect(reading(page).getByLabel("Formato de los números")).toHaveValue("decimal_point");
  await expect(reading(page).getByLabel("Formato de las fechas")).toHaveValue("iso");

  await page.getByRole("button", { name: "Revisar el archivo" }).click();
  await expect(page.getByTestId("import-read-as")).toContainText(
    "Leído como UTF-8 con BOM (como lo guarda Excel), separado por coma (,), con punto decimal: 1,234.5 y fechas AAAA-MM-DD (2025-03-15).",
  );
  expect(await importAndReadDrafts(page, 2)).toEqual([
    { value: "1.9", asOf: "2025-01-01", precision: "month", producer },
    { value: "12.5", asOf: "2025-02-28", precision: "day", producer },
  ]);
});
