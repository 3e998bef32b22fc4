import { expect, test, type APIRequestContext } from "@playwright/test";

// A journalist opens one figure's page, finds what they need to cite it (the three dates among it) and
// reports a problem with it, with JavaScript and without; the report changes nothing readers see.

type ApiFigure = { id: string; value: number; source: { publishedAt: string | null; retrievedAt: string | null } };

async function figureWithBothDates(request: APIRequestContext): Promise<ApiFigure> {
  const answer = await request.get("/api/v1/indicators/homicide_rate/observations?limit=500");
  expect(answer.status()).toBe(200);
  const figures = (await answer.json()).data as ApiFigure[];
  const figure = figures.find((candidate) => candidate.source.publishedAt && candidate.source.retrievedAt);
  expect(figure, "a homicide figure whose source gives both dates").toBeTruthy();
  return figure!;
}

test("a reader sees a figure's three dates and reports a problem in Spanish; the figure is unchanged", async ({ page, request }) => {
  const figure = await figureWithBothDates(request);
  const before = await (await request.get("/api/v1/indicators/homicide_rate/observations?limit=500")).text();

  await page.goto(`/es/figures/${figure.id}`);
  await expect(page).toHaveTitle(/Tasa de homicidios/i);
  await expect(page.getByRole("heading", { level: 2, name: "Tres fechas" })).toBeVisible();
  await expect(page.locator('[data-date="as-of"]')).toContainText("precisión");
  await expect(page.locator('[data-date="published"] time')).toHaveAttribute("datetime", figure.source.publishedAt!);
  await expect(page.locator('[data-date="retrieved"] time')).toHaveAttribute("datetime", figure.source.retrievedAt!);
  await expect(page.getByTestId("figure-citation")).toContainText(`/es/figures/${figure.id}`);
  await expect(page.getByRole("link", { name: /Tasa de homicidios/i }).first()).toHaveAttribute("href", "/es/indicators/homicide_rate");

  const form = page.locator("[data-report-form]");
  await form.getByLabel("¿Qué está mal?").fill("corto");
  await form.getByRole("button", { name: "Enviar aviso" }).click();
  await expect(form.locator("#field-message-error")).toContainText("al menos 10 caracteres");

  await form.getByLabel("¿Qué está mal?").fill("La fuente da esta cifra para el año anterior, no para este.");
  await form.getByLabel(/Enlace que lo muestra/).fill("https://example.org/informe-original");
  await form.getByRole("button", { name: "Enviar aviso" }).click();
  await expect(page.getByRole("status")).toContainText("Gracias: recibimos su aviso");

  expect(await (await request.get("/api/v1/indicators/homicide_rate/observations?limit=500")).text()).toBe(before);
  // Only published figures have a page: anything else is a 404.
  expect((await request.get("/es/figures/no-such-figure")).status()).toBe(404);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the plain form posts the report and lands on a page that thanks the reader", async ({ page, request }) => {
    const figure = await figureWithBothDates(request);
    await page.goto(`/es/figures/${figure.id}`);
    const form = page.locator("[data-report-form]");
    await form.getByLabel("¿Qué está mal?").fill("El productor de esta cifra no es el que se indica.");
    await form.getByRole("button", { name: "Enviar aviso" }).click();
    await expect(page).toHaveURL(new RegExp(`/es/figures/${figure.id}/report\\?sent=1$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Gracias: recibimos su aviso");
    await page.getByRole("link", { name: "Volver a la cifra" }).click();
    await expect(page).toHaveURL(new RegExp(`/es/figures/${figure.id}$`));
    // The figure's page itself is the same for everyone: no thanks on it.
    await expect(page.getByText("Gracias: recibimos su aviso")).toHaveCount(0);
  });
});
