import { expect, request as playwrightRequest, test } from "@playwright/test";
import { signInAdmin } from "./editor-admin";

// Working in Spanish, a reviewer sends a draft back to the editor who wrote it with a comment; the
// draft leaves the queue and the editor finds the comment on their dashboard and on the draft. The
// editor discards another draft: it shows as discarded with its history, and readers never see it.

const STAMP = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
const EDITOR = {
  email: `sendback-editor-${STAMP}@example.org`,
  displayName: `Editora ${STAMP}`,
  password: "editora que corrige 2026",
  role: "editor",
};
const REVIEWER = {
  email: `sendback-reviewer-${STAMP}@example.org`,
  displayName: `Revisora ${STAMP}`,
  password: "revisora que devuelve 2026",
  role: "reviewer",
};
const PRODUCER = `Observatorio ${STAMP}`;
const COMMENT = "La fuente dice 41, no 14: revise la tabla de la página 3.";
const DISCARD_REASON = "Se cargó dos veces por error.";

const draft = (value: string, asOf: string) => ({
  indicatorSlug: "homicide_rate",
  value,
  qualifier: "exact",
  asOf,
  datePrecision: "year",
  producer: { name: PRODUCER, type: "ngo" },
  source: { url: `https://example.org/devuelto-${STAMP}`, publisher: "Boletín de prueba" },
});

test("a reviewer sends a draft back with a comment the author then sees; the author discards another, kept in its history and never public", async ({
  browser,
  baseURL,
}) => {
  const admin = await playwrightRequest.newContext({ baseURL });
  await signInAdmin(admin);
  for (const person of [EDITOR, REVIEWER]) {
    const added = await admin.post("/api/editor/users", { data: person });
    expect(added.status(), await added.text()).toBe(201);
  }
  await admin.dispose();

  const editorContext = await browser.newContext({ baseURL });
  const editor = await editorContext.newPage();
  expect((await editor.request.post("/api/editor/session", { data: { email: EDITOR.email, password: EDITOR.password } })).status()).toBe(
    200,
  );
  const created = [];
  for (const figure of [draft("14", "2031-01-01"), draft("15", "2032-01-01")]) {
    const response = await editor.request.post("/api/editor/observations", { data: figure });
    expect(response.status(), await response.text()).toBe(201);
    created.push(((await response.json()) as { data: { id: string } }).data.id);
  }
  const [sentBackId, discardedId] = created as [string, string];

  const reviewerContext = await browser.newContext({ baseURL });
  const reviewer = await reviewerContext.newPage();
  expect(
    (await reviewer.request.post("/api/editor/session", { data: { email: REVIEWER.email, password: REVIEWER.password } })).status(),
  ).toBe(200);

  await test.step("the reviewer sends the first draft back with a comment; it leaves the queue", async () => {
    await reviewer.goto("/es/editor/review");
    await reviewer.getByLabel("Autor").selectOption({ label: `${EDITOR.displayName} (2)` });
    await reviewer.getByRole("button", { name: "Filtrar" }).click();
    const row = reviewer.locator(`tr[data-observation="${sentBackId}"]`);
    await expect(row).toContainText(PRODUCER);
    await row.getByRole("link", { name: /^Abrir/ }).click();
    await expect(reviewer).toHaveURL(new RegExp(`/es/editor/observations/${sentBackId}$`));

    await reviewer.getByRole("button", { name: "Devolver con comentario" }).click();
    await expect(reviewer.getByText("Escriba qué hay que cambiar (al menos 5 caracteres).")).toBeVisible();
    await reviewer.getByLabel("Comentario").fill(COMMENT);
    await reviewer.getByRole("button", { name: "Devolver con comentario" }).click();

    await expect(reviewer).toHaveURL(/\/es\/editor\/review\?done=sent_back$/);
    await expect(reviewer.getByRole("status")).toHaveText(/El borrador volvió a quien lo escribió, con su comentario\./);
    await reviewer.goto(`/es/editor/review?author=${encodeURIComponent(await authorFilterValue())}`);
    await expect(reviewer.locator(`tr[data-observation="${sentBackId}"]`)).toHaveCount(0);
    await expect(reviewer.locator(`tr[data-observation="${discardedId}"]`)).toHaveCount(1);
  });

  async function authorFilterValue() {
    await reviewer.goto("/es/editor/review");
    const option = reviewer.getByLabel("Autor").locator("option", { hasText: EDITOR.displayName });
    return (await option.getAttribute("value"))!;
  }

  await test.step("the author sees the comment on the dashboard and on the draft", async () => {
    await editor.goto("/es/editor");
    const sentBack = editor.getByRole("region", { name: "Devueltos a usted" });
    const row = sentBack.locator(`tr[data-observation="${sentBackId}"]`);
    await expect(row).toContainText(COMMENT);
    await expect(row).toContainText(`Devuelto por ${REVIEWER.displayName}`);
    await row.getByRole("link", { name: /^Abrir/ }).click();
    await expect(editor.getByTestId("sent-back")).toContainText(COMMENT);
    await expect(editor.getByTestId("sent-back")).toContainText(`${REVIEWER.displayName} devolvió este borrador`);
  });

  await test.step("the author discards the second draft: shown as discarded, kept in its history", async () => {
    await editor.goto(`/es/editor/observations/${discardedId}`);
    const discard = editor.getByRole("form", { name: "Descartar este borrador" });
    await discard.getByLabel("Motivo (opcional)").fill(DISCARD_REASON);
    await discard.getByRole("button", { name: "Descartar el borrador" }).click();
    await expect(editor).toHaveURL(new RegExp(`/es/editor/observations/${discardedId}\\?done=discarded$`));
    await expect(editor.getByRole("status").filter({ hasText: "Borrador descartado." })).toBeVisible();
    await expect(editor.locator("article[data-status]")).toHaveAttribute("data-status", "discarded");
    await expect(editor.getByText("Estado: Descartado", { exact: false })).toBeVisible();
    await expect(editor.getByText(/Este borrador fue descartado el/)).toBeVisible();
    const entry = editor.getByTestId("observation-history").locator('[data-action="observation.discarded"]');
    await expect(entry).toContainText(DISCARD_REASON);
    await expect(editor.getByRole("button", { name: "Descartar el borrador" })).toHaveCount(0);
  });

  await test.step("readers never see either draft", async () => {
    const reader = await playwrightRequest.newContext({ baseURL });
    const api = await reader.get("/api/v1/indicators/homicide_rate/observations?limit=500");
    expect(api.status()).toBe(200);
    const text = await api.text();
    expect(text).not.toContain(discardedId);
    expect(text).not.toContain(PRODUCER);
    const changes = await reader.get("/es/changes");
    expect(await changes.text()).not.toContain(PRODUCER);
    await reader.dispose();
    const visitor = await browser.newContext({ baseURL });
    const page = await visitor.newPage();
    await page.goto("/es/indicators/homicide_rate");
    await expect(page.getByText(PRODUCER)).toHaveCount(0);
    await visitor.close();
  });

  await editorContext.close();
  await reviewerContext.close();
});
