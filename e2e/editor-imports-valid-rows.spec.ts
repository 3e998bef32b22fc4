import { parse } from "csv-parse/sync";
import { readFile } from "node:fs/promises";
import { expect, request as playwrightRequest, test, type Page } from "@playwright/test";
import { signInAdmin } from "./editor-admin";

// On the Spanish page, an editor imports a UNODC-like file with two bad rows and one row that
// differs from a published figure (2017: 61,8 published, 63,76 in the file): the check shows that
// row beside the published figure, only the valid rows are imported, the rows set aside are
// downloaded with their reasons, and the correction waits in the review queue beside the figure it
// corrects. Each run names its own producer, so it passes whatever ran before on the database.

const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const PRODUCER = `UNODC prueba ${run}`;
const SOURCE = `https://example.org/unodc-${run}`;
const row = (value: string, year: string, type = "intergovernmental") =>
  `homicide_rate;${value};${year};year;${PRODUCER};${type};${SOURCE};UNODC`;
const FILE_ROWS = [
  row("63,76", "2017"), // row 2: differs from the published 61.8
  row("58,2", "2016"), // row 3: new
  row("diez", "2015"), // row 4: not a number
  row("12,5", "2014", "blog"), // row 5: no such producer type
  row("40,1", "2013"), // row 6: new
];

/** The figure the file's 2017 row differs from: written by this test's editor, published by its reviewer. */
async function publishStoredFigure(page: Page, baseURL: string) {
  const reviewer = {
    email: `valid-rows-reviewer-${run}@example.org`,
    displayName: "Revisora de prueba",
    password: `reviewer password ${run}`,
    role: "reviewer",
  };
  const added = await page.request.post("/api/editor/users", { data: reviewer });
  expect(added.status(), await added.text()).toBe(201);
  const created = await page.request.post("/api/editor/observations", {
    data: {
      indicatorSlug: "homicide_rate",
      value: "61.8",
      qualifier: "exact",
      asOf: "2017-01-01",
      datePrecision: "year",
      producer: { name: PRODUCER, type: "intergovernmental" },
      source: { url: SOURCE, publisher: "UNODC" },
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const draft = (await created.json()).data as { id: string; version: number };
  const context = await playwrightRequest.newContext({ baseURL });
  const session = await context.post("/api/editor/session", { data: { email: reviewer.email, password: reviewer.password } });
  expect(session.status(), await session.text()).toBe(200);
  const published = await context.post(`/api/editor/observations/${draft.id}/publish`, { data: { version: draft.version } });
  expect(published.status(), await published.text()).toBe(200);
  await context.dispose();
}

test.beforeEach(async ({ page }) => {
  await signInAdmin(page.request);
});

test("un archivo con filas malas se importa en parte, con las filas apartadas descargadas y la corrección en la cola de revisión", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(120_000);
  await publishStoredFigure(page, baseURL!);
  await page.goto("/es/editor/import");

  await test.step("la página lista los indicadores con su identificador y unidad", async () => {
    const list = page.getByTestId("import-indicators");
    await list.locator("summary").click();
    await expect(list.getByRole("cell", { name: "homicide_rate", exact: true })).toBeVisible();
    await expect(page.getByRole("link", { name: /Descargar la lista de indicadores/ })).toHaveAttribute(
      "href",
      "/api/editor/imports/indicators.csv",
    );
  });

  await test.step("la revisión muestra la fila que difiere junto a la cifra publicada", async () => {
    await page.getByLabel("Archivo CSV").setInputFiles({
      name: "unodc-homicidios.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(
        `${["indicator;value;asOf;datePrecision;producer;producerType;sourceUrl;publisher", ...FILE_ROWS].join("\r\n")}\r\n`,
      ),
    });
    await page.getByRole("button", { name: "Revisar el archivo" }).click();
    await expect(page.getByTestId("import-conflicts-count")).toHaveText(
      "1 fila difiere de una cifra registrada: 1 se propondrá como corrección y 0 se apartan.",
    );
    const conflict = page.getByTestId("import-conflicts").locator("tbody tr");
    await expect(conflict).toHaveCount(1);
    await expect(conflict.locator("td").first()).toHaveText("2");
    await expect(conflict.getByTestId("conflict-file")).toContainText("63,76");
    await expect(conflict.getByTestId("conflict-stored")).toContainText("61,8 (publicada)");
    await expect(conflict).toContainText("Se importará como corrección propuesta de la cifra publicada");
  });

  await test.step("solo se importan las filas válidas", async () => {
    await expect(page.getByRole("button", { name: "Importar todo: 3 cifras" })).toBeDisabled();
    await page.getByRole("button", { name: "Importar solo las filas válidas (3 cifras)" }).click();
    await expect(page.getByTestId("import-outcome")).toContainText(
      "Se importaron 2 borradores, 1 corrección propuesta; se omitieron 0 filas ya registradas; se apartaron 2 filas.",
    );
  });

  await test.step("las filas apartadas se descargan con sus motivos", async () => {
    const downloading = page.waitForEvent("download");
    await page.getByRole("link", { name: "Descargar las filas apartadas con sus motivos (CSV)" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe("unodc-homicidios-filas-apartadas.csv");
    const records = parse(await readFile((await download.path())!), { bom: true, delimiter: ";" }) as string[][];
    expect(records[0]).toEqual([
      "indicator",
      "value",
      "asOf",
      "datePrecision",
      "producer",
      "producerType",
      "sourceUrl",
      "publisher",
      "fila",
      "motivo",
    ]);
    expect(records.slice(1).map((record) => record.slice(0, 9))).toEqual([
      [...FILE_ROWS[2]!.split(";"), "4"],
      [...FILE_ROWS[3]!.split(";"), "5"],
    ]);
    const [valueReason, typeReason] = records.slice(1).map((record) => record[9]!);
    expect(valueReason).toMatch(/^value: /);
    expect(typeReason).toMatch(/^producerType: /);
    // Worded in Spanish, as the page words them.
    for (const reason of [valueReason, typeReason]) expect(reason).not.toMatch(/\b(the|is|not|must)\b/i);
  });

  await test.step("la corrección espera en la cola de revisión junto a la cifra que corrige", async () => {
    await page.getByTestId("import-outcome").getByRole("link", { name: "Abrir la cola de revisión" }).click();
    await expect(page).toHaveURL(/\/es\/editor\/review\?batch=/);
    const correction = page.locator("main tr").filter({ hasText: "63,76" });
    await expect(correction).toHaveCount(1);
    await expect(correction).toContainText("Corrección");
    await expect(correction).toContainText("Publicada ahora: 61,8");
    await expect(page.locator("main tr").filter({ hasText: "Cifra nueva" }).filter({ hasText: PRODUCER })).toHaveCount(2);
  });
});
