import { expect, test, type Browser, type Page } from "@playwright/test";

// An admin manages who can sign in, in Spanish: a new colleague signs in from another browser and is
// signed out there the moment the admin deactivates them; reactivated, they are back; a one-time
// password link sets a new password, ends their old sessions and works only once; a new role shows;
// and the only active admin cannot demote or deactivate themself.

const ADMIN = { email: "admin@example.org", displayName: "Ana Admin", password: "correct horse battery staple 42" };
// The admin the reference-data journey creates when it runs first and closes setup.
const REFERENCE_ADMIN = { email: "ref-admin@example.org", password: "a long enough password" };
const RUN = Date.now().toString(36);

/** Signs the page's browser in as an admin; answers which admin it is. */
async function signIn(page: Page): Promise<string> {
  const setup = await page.request.post("/api/editor/setup", { data: ADMIN });
  if (setup.status() === 201) return ADMIN.email;
  expect(setup.status(), "setup is open (201) or closed because an admin exists (403)").toBe(403);
  for (const { email, password } of [ADMIN, REFERENCE_ADMIN]) {
    const session = await page.request.post("/api/editor/session", { data: { email, password } });
    if (session.ok()) return email;
  }
  throw new Error(`Setup is closed and neither ${ADMIN.email} nor ${REFERENCE_ADMIN.email} could sign in.`);
}

/** The users page where the newest accounts are listed (oldest first, so the last page). */
async function openUsers(page: Page) {
  await page.goto("/es/editor/admin/users?page=20000");
  await expect(page.getByRole("heading", { level: 1, name: "Usuarios" })).toBeVisible();
}

const row = (page: Page, email: string) => page.locator(`tr[data-email="${email}"]`);

/** A sign-in from another browser through the sign-in page; answers the page it ends on. */
async function signInAs(page: Page, email: string, password: string) {
  await page.goto("/es/editor/sign-in");
  await page.getByLabel("Correo electrónico").fill(email);
  await page.getByLabel("Contraseña", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Entrar" }).click();
}

async function newBrowser(browser: Browser) {
  const context = await browser.newContext();
  return { context, page: await context.newPage() };
}

test.beforeEach(async ({ page }) => {
  // Every confirmation (deactivate, reactivate, new password link) is accepted.
  page.on("dialog", (dialog) => void dialog.accept());
});

test("una cuenta desactivada pierde sus sesiones; reactivada vuelve; un enlace de contraseña sirve una vez", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await signIn(page);
  const colleague = { name: `Marta Usuarios ${RUN}`, email: `marta-${RUN}@example.org`, password: "contraseña de marta 2026" };

  await test.step("the admin adds a colleague", async () => {
    await openUsers(page);
    const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Añadir usuario" }) });
    await form.getByLabel("Nombre visible").fill(colleague.name);
    await form.getByLabel("Correo").fill(colleague.email);
    await form.getByLabel("Contraseña (al menos 12 caracteres)").fill(colleague.password);
    await form.getByLabel("Rol").selectOption("editor");
    await form.getByRole("button", { name: "Añadir usuario" }).click();
    await expect(page.getByText(`Se añadió a ${colleague.name}.`)).toBeVisible();
    await openUsers(page);
    await expect(row(page, colleague.email)).toContainText("Activa");
    await expect(row(page, colleague.email)).toContainText("edición");
  });

  const other = await newBrowser(browser);
  await test.step("the colleague signs in from another browser", async () => {
    await signInAs(other.page, colleague.email, colleague.password);
    await expect(other.page).toHaveURL(/\/es\/editor$/);
  });

  await test.step("deactivated, the colleague is signed out at their next page and cannot sign in", async () => {
    await row(page, colleague.email)
      .getByRole("button", { name: `Desactivar la cuenta de ${colleague.name}` })
      .click();
    await expect(row(page, colleague.email).getByRole("status")).toHaveText(
      `Listo: la cuenta de ${colleague.name} quedó desactivada y sus sesiones se cerraron.`,
    );
    await expect(row(page, colleague.email)).toHaveAttribute("data-active", "false");
    await expect(row(page, colleague.email)).toContainText("Desactivada desde el");

    await other.page.goto("/es/editor");
    await expect(other.page).toHaveURL(/\/es\/editor\/sign-in/);
    const write = await other.page.request.post("/api/editor/password", {
      data: { currentPassword: colleague.password, newPassword: "otra contraseña bastante larga" },
    });
    expect(write.status()).toBe(401);
    await signInAs(other.page, colleague.email, colleague.password);
    await expect(other.page.getByText("El correo o la contraseña no son correctos.")).toBeVisible();
  });

  await test.step("reactivated, the colleague signs in again", async () => {
    await row(page, colleague.email)
      .getByRole("button", { name: `Reactivar la cuenta de ${colleague.name}` })
      .click();
    await expect(row(page, colleague.email).getByRole("status")).toHaveText(`Listo: la cuenta de ${colleague.name} está activa de nuevo.`);
    await expect(row(page, colleague.email)).toHaveAttribute("data-active", "true");
    await signInAs(other.page, colleague.email, colleague.password);
    await expect(other.page).toHaveURL(/\/es\/editor$/);
  });

  await test.step("a new role applies at the colleague's next page", async () => {
    expect((await other.page.goto("/es/editor/review"))?.status(), "an editor has no review queue").toBe(404);
    await row(page, colleague.email).getByLabel(`Rol de ${colleague.name}`).selectOption("reviewer");
    await row(page, colleague.email).getByRole("button", { name: "Guardar rol" }).click();
    await expect(row(page, colleague.email).getByRole("status")).toContainText(`Listo: ${colleague.name} tiene ahora el rol de revisión.`);
    await expect(row(page, colleague.email)).toHaveAttribute("data-role", "reviewer");
    expect((await other.page.goto("/es/editor/review"))?.status(), "a reviewer has one, in the same session").toBe(200);
  });

  let link = "";
  await test.step("the admin creates a password link, shown once", async () => {
    await row(page, colleague.email)
      .getByRole("button", { name: `Crear un enlace para que ${colleague.name} elija una contraseña nueva` })
      .click();
    const shown = page.getByTestId("reset-link");
    await expect(shown).toContainText("Solo se muestra esta vez");
    link = await shown.getByRole("textbox").inputValue();
    expect(link).toMatch(/^http:\/\/[^/]+\/es\/editor\/reset-password\/cpr_[\w-]+$/);
  });

  await test.step("the link sets a new password, ends the old sessions, and works only once", async () => {
    const stranger = await newBrowser(browser);
    await stranger.page.goto(link);
    await expect(stranger.page.getByRole("heading", { level: 1, name: "Elegir una contraseña nueva" })).toBeVisible();
    await expect(stranger.page.getByText(colleague.email)).toBeVisible();
    await stranger.page.getByLabel("Contraseña nueva").fill("corta");
    await stranger.page.getByRole("button", { name: "Guardar la contraseña" }).click();
    await expect(stranger.page.getByText("Use entre 12 y 256 caracteres.")).toBeVisible();
    const newPassword = "la nueva contraseña de marta";
    await stranger.page.getByLabel("Contraseña nueva").fill(newPassword);
    await stranger.page.getByRole("button", { name: "Guardar la contraseña" }).click();
    await expect(stranger.page).toHaveURL(/\/es\/editor\/sign-in\?changed=1/);
    await expect(stranger.page.getByText("Su contraseña cambió")).toBeVisible();

    // The colleague's browser, signed in before the reset, is signed out.
    await other.page.goto("/es/editor");
    await expect(other.page).toHaveURL(/\/es\/editor\/sign-in/);
    await signInAs(other.page, colleague.email, colleague.password);
    await expect(other.page.getByText("El correo o la contraseña no son correctos.")).toBeVisible();
    await signInAs(other.page, colleague.email, newPassword);
    await expect(other.page).toHaveURL(/\/es\/editor$/);

    await stranger.page.goto(link);
    await expect(stranger.page.getByText("Este enlace ya se usó")).toBeVisible();
    await expect(stranger.page.getByLabel("Contraseña nueva")).toHaveCount(0);
    await stranger.page.goto(`${link}x`);
    await expect(stranger.page.getByText("Este enlace para cambiar la contraseña no es válido")).toBeVisible();
    await stranger.context.close();
  });

  await test.step("an admin who is not the last may deactivate themself, and is signed out at once", async () => {
    await page.reload();
    await row(page, colleague.email).getByLabel(`Rol de ${colleague.name}`).selectOption("admin");
    await row(page, colleague.email).getByRole("button", { name: "Guardar rol" }).click();
    await expect(row(page, colleague.email)).toHaveAttribute("data-role", "admin");

    other.page.on("dialog", (dialog) => {
      expect(dialog.message()).toContain("¿Desactivar su propia cuenta?");
      void dialog.accept();
    });
    await openUsers(other.page);
    await row(other.page, colleague.email)
      .getByRole("button", { name: `Desactivar la cuenta de ${colleague.name}` })
      .click();
    await expect(other.page).toHaveURL(/\/es\/editor\/sign-in/);
    await page.reload();
    await expect(row(page, colleague.email)).toHaveAttribute("data-active", "false");
  });
  await other.context.close();
});

test("la única cuenta de administración activa no puede quitarse a sí misma", async ({ page }) => {
  const me = await signIn(page);
  // Every other active admin steps down for this test and is restored after it, so this one is the last.
  const others: string[] = [];
  for (let number = 1; ; number += 1) {
    await page.goto(`/es/editor/admin/users?page=${number}`);
    const ids = await page
      .locator('tr[data-role="admin"][data-active="true"]')
      .evaluateAll(
        (rows, self) => rows.filter((row) => row.getAttribute("data-email") !== self).map((row) => row.getAttribute("data-user")!),
        me,
      );
    others.push(...ids);
    if ((await page.getByRole("link", { name: "Página siguiente" }).count()) === 0) break;
  }
  try {
    for (const id of others)
      expect((await page.request.patch(`/api/editor/users/${id}`, { data: { role: "reviewer" } })).status()).toBe(200);
    await page.goto("/es/editor/admin/users");
    const mine = row(page, me);
    await expect(mine).toHaveAttribute("data-role", "admin");
    const lastAdmin =
      "Es la única cuenta de administración activa: primero dé el rol de administración a otra persona. Contraste siempre necesita a alguien que administre.";

    await mine.getByRole("combobox").selectOption("editor");
    await mine.getByRole("button", { name: "Guardar rol" }).click();
    await expect(mine.getByRole("alert")).toHaveText(lastAdmin);

    await page.reload();
    await expect(mine.getByRole("alert")).toHaveCount(0);
    await mine.getByRole("button", { name: /^Desactivar la cuenta de / }).click();
    await expect(mine.getByRole("alert")).toHaveText(lastAdmin);

    await page.reload();
    await expect(row(page, me)).toHaveAttribute("data-role", "admin");
    await expect(row(page, me)).toHaveAttribute("data-active", "true");
  } finally {
    for (const id of others) await page.request.patch(`/api/editor/users/${id}`, { data: { role: "admin" } });
  }
});
