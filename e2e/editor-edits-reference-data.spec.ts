import { expect, test, type Page } from "@playwright/test";
import { dataset } from "./dataset";

// An editor keeps the reference data right: finds a source, corrects it, meets a stale edit from a
// tab opened earlier, adds an event and renames an indicator, and sees each change on the public pages.
// The publisher and the indicator name are put back afterwards so later journeys read the dataset as
// loaded; the added event stays (events cannot be deleted).

const OWN_ADMIN = { email: "ref-admin@example.org", displayName: "Ref Admin", password: "a long enough password" };
// The admin the figure editor's journey creates when it runs first and closes setup.
const SHARED_ADMIN = { email: "admin@example.org", password: "correct horse battery staple 42" };
// The new event cites a document the dataset's events already cite, as a second event from one decree would.
const EVENT_SOURCE_URL = (dataset as typeof dataset & { events: { sourceUrl: string }[] }).events[0]!.sourceUrl;

async function signInAsAdmin(page: Page) {
  const setup = await page.request.post("/api/editor/setup", { data: OWN_ADMIN });
  if (setup.status() === 201) return;
  expect(setup.status(), "setup is open (201) or closed because an admin exists (403)").toBe(403);
  for (const { email, password } of [SHARED_ADMIN, OWN_ADMIN]) {
    const signIn = await page.request.post("/api/editor/session", { data: { email, password } });
    if (signIn.ok()) return;
  }
  throw new Error(`Setup is closed and neither ${SHARED_ADMIN.email} nor ${OWN_ADMIN.email} could sign in.`);
}

test("an editor corrects reference data, is warned of a stale edit, and sees changes on the public pages", async ({ page }) => {
  test.setTimeout(120_000);
  const stamp = Date.now().toString(36);

  await test.step("signed out, the editor is sent to sign in", async () => {
    await page.goto("/en/editor/reference/sources");
    // The sign-in page itself moves on to first-run setup while nobody has an account.
    await expect(page).toHaveURL(/\/en\/editor\/(sign-in|setup)/);
  });

  await signInAsAdmin(page);

  const editUrl = await test.step("search the sources for elfaro and open one", async () => {
    await page.goto("/en/editor/reference");
    await page.getByRole("main").getByRole("link", { name: "Sources", exact: true }).click();
    await page.getByRole("searchbox", { name: "Search by web address or publisher" }).fill("elfaro");
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/[?&]q=elfaro/);
    const links = page.getByRole("table").getByRole("link");
    await expect(links.first()).toBeVisible();
    for (const text of await links.allInnerTexts()) expect(text).toContain("elfaro");
    await links.first().click();
    await expect(page.getByRole("heading", { level: 1, name: "Edit a source" })).toBeVisible();
    return page.url();
  });

  // Opened before the first save, so it still holds the old version.
  const staleTab = await page.context().newPage();
  await staleTab.goto(editUrl);
  await expect(staleTab.getByLabel("Publisher or outlet")).toBeVisible();

  const publisher = page.getByLabel("Publisher or outlet");
  const originalPublisher = await publisher.inputValue();
  const correctedPublisher = `El Faro (checked ${stamp})`;

  await test.step("change the publisher, save, and see it after a reload", async () => {
    await publisher.fill(correctedPublisher);
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
    await page.reload();
    await expect(page.getByLabel("Publisher or outlet")).toHaveValue(correctedPublisher);
  });

  await test.step("the stale tab's edit is refused and shows the current publisher", async () => {
    await staleTab.getByLabel("Publisher or outlet").fill(`Stale edit ${stamp}`);
    await staleTab.getByRole("button", { name: "Save" }).click();
    await expect(staleTab.getByRole("heading", { name: "Someone else saved a newer version" })).toBeVisible();
    const row = staleTab.getByRole("row", { name: /Publisher or outlet/ });
    await expect(row.getByRole("cell").first()).toHaveText(correctedPublisher);
    await expect(row.getByRole("cell").nth(1)).toHaveText(`Stale edit ${stamp}`);

    await staleTab.getByRole("button", { name: "Load the current version into the form" }).click();
    await expect(staleTab.getByLabel("Publisher or outlet")).toHaveValue(correctedPublisher);
    await expect(staleTab.getByRole("heading", { name: "Someone else saved a newer version" })).toHaveCount(0);

    // From the current version the edit goes through: this puts the dataset's publisher back.
    await staleTab.getByLabel("Publisher or outlet").fill(originalPublisher);
    await staleTab.getByRole("button", { name: "Save" }).click();
    await expect(staleTab.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
    await staleTab.close();
  });

  const eventTitle = `Contraste test report ${stamp}`;
  await test.step("add an event, with the form's own messages for missing fields first", async () => {
    await page.goto("/en/editor/reference/events");
    await page.getByRole("link", { name: "Add an event" }).click();
    await page.getByRole("button", { name: "Create" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Some fields need attention" })).toBeVisible();
    await expect(page.getByLabel("Title in English")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Title in English")).toHaveAccessibleDescription("Write the title in English.");

    await page.getByLabel("Kind").selectOption("report");
    await page.getByLabel("Date", { exact: true }).fill("2025-06-30");
    await page.getByLabel("Date precision").selectOption("day");
    await page.getByLabel("Title in Spanish").fill(`Informe de prueba de Contraste ${stamp}`);
    await page.getByLabel("Title in English").fill(eventTitle);
    await page.getByLabel("Source web address").fill(EVENT_SOURCE_URL);
    await page.getByRole("button", { name: "Create" }).click();
    await expect(page.getByText("Created. You can keep editing it here.")).toBeVisible();
    await expect(page.getByLabel("Title in English")).toHaveValue(eventTitle);
  });

  await test.step("the new event is on the public events page", async () => {
    await page.goto("/en/events");
    const item = page.locator("[data-event]").filter({ has: page.getByRole("heading", { name: eventTitle, exact: true }) });
    await expect(item).toHaveCount(1);
    await expect(item.locator("[data-kind]")).toHaveText("Report");
    await expect(item.locator("a.source-link")).toHaveAttribute("href", EVENT_SOURCE_URL);
  });

  await test.step("rename an indicator in English, give its unit in Spanish, and read both on its pages", async () => {
    await page.goto("/en/editor/reference/indicators?q=journalists_exiled");
    await page.getByRole("table").getByRole("link").first().click();
    const nameEn = page.getByLabel("Name in English");
    const originalName = await nameEn.inputValue();
    const originalUnitEs = await page.getByLabel("Unit in Spanish").inputValue();
    const newName = `Journalists in exile (checked ${stamp})`;
    const newUnitEs = `periodistas (comprobado ${stamp})`;
    await nameEn.fill(newName);
    await page.getByLabel("Unit in Spanish").fill(newUnitEs);
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();

    const editPage = page.url();
    await page.goto("/en/indicators/journalists_exiled");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(newName);
    await page.goto("/es/indicators/journalists_exiled");
    await expect(page.getByText(`Unidad: ${newUnitEs}`)).toBeVisible();

    await page.goto(editPage);
    await page.getByLabel("Name in English").fill(originalName);
    await page.getByLabel("Unit in Spanish").fill(originalUnitEs);
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  });

  await test.step("the same pages read in Spanish", async () => {
    await page.goto("/es/editor/reference");
    await expect(page.getByRole("heading", { level: 1, name: "Datos de referencia" })).toBeVisible();
    await expect(page.getByRole("main").getByRole("link", { name: "Indicadores", exact: true })).toBeVisible();
  });
});
