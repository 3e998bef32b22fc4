import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { signInAdmin } from "./editor-admin";

// An admin adds a domain to the table that proposes source classes (in Spanish, the default); a figure
// an editor then writes, citing a page on a subdomain of it, gets a source of that class; the editor
// proposes another class for it with a reason, and a reviewer who did not propose it applies it, after
// which the class is the staff's. The journey works on a domain and a draft of its own, and removes
// both at the end, so the dataset's sources and the review queue are as other journeys expect them.

const RUN = Date.now().toString(36);
const DOMAIN = `e2e-${RUN}.example`;
const SOURCE_URL = `https://noticias.${DOMAIN}/nota-homicidios`;
const EDITOR = {
  email: `class-editor-${RUN}@example.org`,
  displayName: `Clara Clasifica ${RUN}`,
  password: "class editor 2026 ok",
  role: "editor",
};
const REVIEWER = {
  email: `class-reviewer-${RUN}@example.org`,
  displayName: `Rubén Revisa ${RUN}`,
  password: "class reviewer 2026 ok",
  role: "reviewer",
};

async function signedInPage(browser: Browser, person: { email: string; password: string }) {
  const page = await (await browser.newContext()).newPage();
  const response = await page.request.post("/api/editor/session", { data: { email: person.email, password: person.password } });
  expect(response.ok(), `${person.email} signs in`).toBe(true);
  return page;
}

async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  expect(
    results.violations.map((violation) => `${violation.id}: ${violation.nodes[0]?.target.join(" ")}`),
    page.url(),
  ).toEqual([]);
}

test("an admin adds a domain, a new source on it gets its class, and an editor's change of class is applied by a reviewer", async ({
  page,
  browser,
}) => {
  test.setTimeout(300_000);
  await signInAdmin(page.request);
  for (const person of [EDITOR, REVIEWER]) expect((await page.request.post("/api/editor/users", { data: person })).status()).toBe(201);
  const editor = await signedInPage(browser, EDITOR);
  const reviewer = await signedInPage(browser, REVIEWER);
  const row = page.locator(`tr[data-domain="${DOMAIN}"]`);

  await test.step("the admin opens the domain table from the menu; it says it only proposes classes for new sources", async () => {
    await page.goto("/es/editor");
    await page.getByRole("navigation", { name: "Editor" }).getByRole("link", { name: "Dominios de fuentes" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Dominios de fuentes" })).toBeVisible();
    await expect(page.getByRole("note")).toContainText("Las fuentes que ya existen conservan la suya");
    // An editor's menu has no such link, and the page does not exist for them.
    await editor.goto("/es/editor");
    await expect(editor.getByRole("navigation", { name: "Editor" }).getByRole("link", { name: "Dominios de fuentes" })).toHaveCount(0);
    const refused = await editor.goto("/es/editor/admin/source-domains");
    expect(refused?.status()).toBe(404);
  });

  await test.step("text that names no site is refused with a sentence saying why", async () => {
    await page.getByLabel("Dominio", { exact: true }).fill("no es un sitio/notas");
    await page.getByRole("button", { name: "Añadir el dominio" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Eso no es un dominio" })).toBeVisible();
    await expect(row).toHaveCount(0);
  });

  await test.step("the admin adds the domain as a press site, typed as a full address", async () => {
    await page.getByLabel("Dominio", { exact: true }).fill(`https://www.${DOMAIN.toUpperCase()}/portada`);
    await page.getByLabel("Clase", { exact: true }).selectOption("press");
    await page.getByLabel("Nota", { exact: true }).fill("Diario de prueba");
    await page.getByRole("button", { name: "Añadir el dominio" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Se añadió" })).toContainText(DOMAIN);
    await expect(row).toContainText("Prensa");
    await expect(row).toContainText("ninguna fuente");
    await expectAccessible(page);
  });

  const draft = await test.step("an editor writes a figure citing a page on a subdomain: its new source is press", async () => {
    const response = await editor.request.post("/api/editor/observations", {
      data: {
        indicatorSlug: "homicide_rate",
        value: "2.4",
        qualifier: "about",
        asOf: "2030-01-01",
        datePrecision: "year",
        producer: { name: `Diario de prueba ${RUN}`, type: "media" },
        source: { url: SOURCE_URL, publisher: "Noticias de prueba" },
      },
    });
    expect(response.status()).toBe(201);
    const created = (await response.json()).data as { id: string; version: number };
    await page.reload();
    await expect(row).toContainText("1 fuente");
    await row.getByRole("link", { name: `Ver las fuentes de ${DOMAIN}` }).click();
    const source = page.getByRole("row").filter({ hasText: SOURCE_URL });
    await expect(source).toContainText("Prensa");
    await expect(source).toContainText("propuesta por la tabla de dominios");
    return created;
  });

  const reason = `Copia la nota de otro medio (${RUN}).`;
  await test.step("the editor finds the source among the press ones and proposes it as secondary, with a reason", async () => {
    await editor.goto("/es/editor/reference/sources");
    await editor.getByLabel("Clase", { exact: true }).selectOption("press");
    await editor.getByRole("button", { name: "Filtrar" }).click();
    await expect(editor).toHaveURL(/[?&]class=press/);
    await editor.getByRole("searchbox").fill(DOMAIN);
    await editor.getByRole("button", { name: "Buscar" }).click();
    // The search keeps the class filter.
    await expect(editor).toHaveURL(/[?&]class=press/);
    await editor.getByRole("link", { name: SOURCE_URL }).click();
    const field = editor.getByLabel("Clase de la fuente");
    await expect(field).toHaveValue("press");
    await expect(editor.getByLabel("Copia archivada")).toBeEditable();
    await field.selectOption("secondary");
    await editor.getByLabel("Por qué este cambio").fill(reason);
    await editor.getByRole("button", { name: "Proponer cambio" }).click();
    await expect(editor.getByRole("status").filter({ hasText: "Propuesto." })).toBeVisible();
  });

  await test.step("a reviewer sees the class change spelled out and applies it", async () => {
    await reviewer.goto("/es/editor/reference/review");
    const card = reviewer.locator("[data-proposal]").filter({ hasText: reason });
    const classRow = card.locator('tr[data-field="sourceClass"]');
    await expect(classRow).toHaveAttribute("data-differs", "");
    await expect(classRow.getByRole("cell").first()).toContainText("Prensa: un medio establecido");
    await expect(classRow.getByRole("cell").nth(1)).toContainText("Secundaria: republicación, agregador");
    await expectAccessible(reviewer);
    await card.getByRole("button", { name: "Aplicar" }).click();
    await expect(card).toHaveCount(0);
  });

  await test.step("the source is now secondary, set by staff", async () => {
    await editor.goto(`/es/editor/reference/sources?class=secondary&q=${encodeURIComponent(DOMAIN)}`);
    const source = editor.getByRole("row").filter({ hasText: SOURCE_URL });
    await expect(source).toContainText("Secundaria");
    await expect(source).toContainText("fijada por el equipo");
  });

  await test.step("the admin removes the domain; the draft is discarded", async () => {
    await page.goto("/es/editor/admin/source-domains");
    page.once("dialog", (dialog) => dialog.accept());
    await row.getByRole("button", { name: `Quitar ${DOMAIN}` }).click();
    await expect(page.getByRole("status").filter({ hasText: "Se quitó" })).toBeVisible();
    await expect(row).toHaveCount(0);
    const discarded = await editor.request.post(`/api/editor/observations/${draft.id}/discard`, {
      data: { version: draft.version, reason: "Cifra de una prueba." },
    });
    expect(discarded.ok()).toBe(true);
  });
});
