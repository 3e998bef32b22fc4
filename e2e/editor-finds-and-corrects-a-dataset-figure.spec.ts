import { randomBytes } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, request as playwrightRequest, test, type APIRequestContext, type Page } from "@playwright/test";
import { formatted } from "./dataset";

// A figure loaded with the dataset is wrong. An editor, working in Spanish, finds it in the figure
// list by its source, also reaches it from the "Editar" link beside it on the public page, proposes a
// correction with a reason, and a second person publishes it; the public page then shows the new value.

const ADMIN = { email: "admin@example.org", displayName: "Ana Admin", password: "correct horse battery staple 42" };
// The admin the reference-data journey creates when it runs first and closes setup.
const REFERENCE_ADMIN = { email: "ref-admin@example.org", password: "a long enough password" };

// Gato Encerrado's count of the defendants of a mass trial, 14 July 2022 (prisma/data).
const INDICATOR = "mass_trial_defendants";
const SOURCE = "gatoencerrado.news/2022/07/14";
const PUBLIC_PAGE = `/es/indicators/${INDICATOR}`;

/** Signs in as the first admin, creating it when setup is still open. */
async function signIn(request: APIRequestContext) {
  const setup = await request.post("/api/editor/setup", { data: ADMIN });
  if (setup.status() === 201) return ADMIN;
  expect(setup.status(), "setup is open (201) or closed because an admin exists (403)").toBe(403);
  for (const person of [ADMIN, REFERENCE_ADMIN]) {
    const session = await request.post("/api/editor/session", { data: { email: person.email, password: person.password } });
    if (session.ok()) return person;
  }
  throw new Error(`Setup is closed and neither ${ADMIN.email} nor ${REFERENCE_ADMIN.email} could sign in.`);
}

const figureRow = (page: Page, id: string) => page.locator(`tr[data-observation="${id}"]`);

test("an editor finds a dataset figure, corrects it in Spanish, and a reviewer publishes the correction", async ({
  page,
  browser,
  baseURL,
}) => {
  // Two people, two accessibility scans and the public pages: more than the default time on a busy machine.
  test.slow();
  await signIn(page.request);

  // The figure list, found from the editor's menu, searched by the source's address.
  await page.goto("/es/editor");
  await page.getByRole("navigation", { name: "Editor", exact: true }).getByRole("link", { name: "Cifras", exact: true }).click();
  await expect(page).toHaveURL(/\/es\/editor\/observations$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Cifras");
  await page.getByRole("searchbox", { name: "Buscar" }).fill(SOURCE);
  await page.getByLabel("Estado").selectOption({ label: "Publicada" });
  await page.getByRole("button", { name: "Buscar" }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]q=${encodeURIComponent(SOURCE).replace(/\./g, "\\.")}`));
  await expect(page).toHaveURL(/[?&]status=published/);
  const found = page.getByTestId("figure-list").locator("tbody tr");
  await expect(found).toHaveCount(1);
  await expect(page.getByTestId("figure-count")).toHaveText("1 cifra");
  await expect(found.locator("td").nth(5)).toHaveText("Publicada");
  await expect(found.getByRole("link", { name: "Gato Encerrado", exact: true })).toHaveAttribute("href", new RegExp(SOURCE));
  const id = await found.getAttribute("data-observation");
  expect(id).toBeTruthy();
  await expect(found.getByRole("link", { name: /^Editar / })).toHaveAttribute("href", `/es/editor/observations/${id}`);

  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  expect(axe.violations.map((violation) => `${violation.id}: ${violation.nodes[0]?.target.join(" ")}`)).toEqual([]);

  // The same figure by its value: written the Spanish way, with the indicator filter.
  const value = (await found.locator("td").nth(1).textContent())!.trim();
  await page.goto(`/es/editor/observations?indicator=${INDICATOR}&q=${encodeURIComponent(value)}`);
  await expect(page.getByTestId("figure-list").locator(`tr[data-observation="${id}"]`)).toHaveCount(1);

  // A filter that does not parse is named, in Spanish, and the list still answers.
  await page.goto("/es/editor/observations?status=nonsense&from=2022-02-30");
  await expect(page.getByRole("status")).toHaveText("No se tuvieron en cuenta 2 filtros no válidos: Estado, Periodo desde.");

  // The public page, which is one cached HTML for everyone, shows this browser an "Editar" link.
  await page.goto(PUBLIC_PAGE);
  const publicRow = figureRow(page, id!);
  const editLink = publicRow.getByRole("link", { name: /^Editar esta cifra en el editor/ });
  await expect(editLink).toHaveText("Editar");
  await expect(editLink).toHaveAttribute("href", `/es/editor/observations/${id}`);
  const reader = await browser.newPage();
  await reader.goto(`${baseURL}${PUBLIC_PAGE}`);
  await expect(figureRow(reader, id!)).toBeVisible();
  await expect(figureRow(reader, id!).getByRole("link", { name: "Editar" })).toHaveCount(0);
  await reader.close();
  // The hint cookie does not split the cache: a request carrying it is served the shared copy.
  const anonymous = await playwrightRequest.newContext({ baseURL });
  await anonymous.get(PUBLIC_PAGE);
  expect((await anonymous.get(PUBLIC_PAGE)).headers()["x-contraste-cache"]).toBe("hit");
  const withHint = await anonymous.get(PUBLIC_PAGE, { headers: { cookie: "contraste_staff=1" } });
  expect(withHint.headers()["x-contraste-cache"]).toBe("hit");
  await anonymous.dispose();

  // From the public page to the figure in the editor, and a correction with a reason.
  await editLink.click();
  await expect(page).toHaveURL(new RegExp(`/es/editor/observations/${id}$`));
  await expect(page.getByRole("heading", { name: "Corregir esta cifra" })).toBeVisible();
  const stored = await page.getByLabel("Valor", { exact: true }).inputValue();
  const corrected = String(Number(stored) + 0.25);
  await page.getByLabel("Valor", { exact: true }).fill(corrected);
  await page.getByRole("button", { name: "Proponer corrección" }).click();
  await expect(page.locator("#field-reason-error")).toHaveText("Explique el motivo en una frase (al menos 5 caracteres).");
  await page
    .getByLabel("¿Por qué hay que corregir esta cifra publicada?")
    .fill("La fuente original cuenta un acusado más; se corrige según el reportaje.");
  await page.getByRole("button", { name: "Proponer corrección" }).click();
  await expect(page).toHaveURL(/\/es\/editor\/observations\/[^/?]+\?saved=1$/);
  await expect(page.getByText("Guardado.")).toBeVisible();
  await expect(page.getByText("Este borrador corrige una cifra publicada.")).toBeVisible();
  const draftId = new URL(page.url()).pathname.split("/").pop()!;

  // The correction is in the figure list as a draft.
  await page.goto(`/es/editor/observations?status=draft&q=${encodeURIComponent(SOURCE)}`);
  const draftRow = page.getByTestId("figure-list").locator(`tr[data-observation="${draftId}"]`);
  await expect(draftRow.locator("td").nth(5)).toContainText("Borrador · corrección propuesta");

  // A second person, a reviewer, publishes it.
  const admin = await playwrightRequest.newContext({ baseURL });
  await signIn(admin);
  const reviewer = {
    email: `reviewer-${randomBytes(4).toString("hex")}@example.org`,
    displayName: "Revisora de cifras",
    password: "revisora de cifras 2026",
    role: "reviewer",
  };
  const added = await admin.post("/api/editor/users", { data: reviewer });
  expect(added.status(), await added.text()).toBe(201);
  await admin.dispose();
  const reviewerContext = await browser.newContext({ baseURL });
  const reviewerPage = await reviewerContext.newPage();
  const session = await reviewerPage.request.post("/api/editor/session", { data: { email: reviewer.email, password: reviewer.password } });
  expect(session.status(), await session.text()).toBe(200);
  await reviewerPage.goto(`/es/editor/observations/${draftId}`);
  await reviewerPage.getByRole("button", { name: "Publicar" }).click();
  await reviewerPage.goto(`/es/editor/observations/${draftId}`);
  await expect(reviewerPage.getByText("Esta corrección ya se aplicó a la cifra publicada.")).toBeVisible();
  await reviewerContext.close();

  // Readers see the corrected value on the public page, in Spanish.
  await page.goto(PUBLIC_PAGE);
  await expect(figureRow(page, id!).locator("td").first()).toContainText(formatted(Number(corrected), "es"));
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
});
