import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { dataset } from "./dataset";

// Reference data readers see changes like a figure: an editor proposes a correction with a reason,
// readers see nothing yet, a reviewer who did not propose it applies it from the review page, and
// the public change log shows it with the reason in both languages. A reviewer's own proposal has no
// Apply button for them. Publisher, indicator name and unit are put back afterwards so later
// journeys read the dataset as loaded; the added event stays (events cannot be deleted).

const OWN_ADMIN = { email: "ref-admin@example.org", displayName: "Ref Admin", password: "a long enough password" };
// The admin the figure editor's journey creates when it runs first and closes setup.
const SHARED_ADMIN = { email: "admin@example.org", password: "correct horse battery staple 42" };
const EDITOR = { email: "ref-editor@example.org", displayName: "Rafa Reference Editor", password: "reference editor 2026", role: "editor" };
const REVIEWER = {
  email: "ref-reviewer@example.org",
  displayName: "Rosa Reference Reviewer",
  password: "reference reviewer 2026",
  role: "reviewer",
};
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

/** A page in a browser context of its own, signed in as this person. */
async function signedInPage(browser: Browser, person: { email: string; password: string }) {
  const context = await browser.newContext();
  const page = await context.newPage();
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

const proposalCard = (page: Page, text: string) => page.locator("[data-proposal]").filter({ hasText: text });

async function applyFromReviewPage(page: Page, text: string) {
  await page.goto("/en/editor/reference/review");
  const card = proposalCard(page, text);
  await expect(card).toHaveCount(1);
  await card.getByRole("button", { name: "Apply" }).click();
  // Applied, it leaves the queue.
  await expect(card).toHaveCount(0);
}

test("an editor proposes reference changes, a second person applies them, and readers see them in the change log", async ({
  page,
  browser,
}) => {
  // Three people, about twenty page loads: slow on a shared CI machine.
  test.setTimeout(360_000);
  const stamp = Date.now().toString(36);

  await test.step("signed out, the editor is sent to sign in", async () => {
    await page.goto("/en/editor/reference/sources");
    // The sign-in page itself moves on to first-run setup while nobody has an account.
    await expect(page).toHaveURL(/\/en\/editor\/(sign-in|setup)/);
  });

  await signInAsAdmin(page);
  for (const person of [EDITOR, REVIEWER]) {
    const created = await page.request.post("/api/editor/users", { data: person });
    expect([201, 409], `${person.email} is added (or was by an earlier run)`).toContain(created.status());
  }
  const editor = await signedInPage(browser, EDITOR);
  const reviewer = await signedInPage(browser, REVIEWER);

  const editUrl = await test.step("the editor searches the sources for elfaro and opens one", async () => {
    await editor.goto("/en/editor/reference");
    await editor.getByRole("main").getByRole("link", { name: "Sources", exact: true }).click();
    await editor.getByRole("searchbox", { name: "Search by web address or publisher" }).fill("elfaro");
    await editor.getByRole("button", { name: "Search" }).click();
    await expect(editor).toHaveURL(/[?&]q=elfaro/);
    const links = editor.getByRole("table").getByRole("rowheader").getByRole("link");
    await expect(links.first()).toBeVisible();
    for (const text of await links.allInnerTexts()) expect(text).toContain("elfaro");
    await links.first().click();
    await expect(editor.getByRole("heading", { level: 1, name: "Edit a source" })).toBeVisible();
    await expect(editor.getByText("Your change will be published when a reviewer approves it.")).toBeVisible();
    return editor.url();
  });

  const publisher = editor.getByLabel("Publisher or outlet");
  const originalPublisher = await publisher.inputValue();
  // Readers meet a source's publisher beside the figures citing it: the page of one of them.
  const citingFigurePage = await test.step("the editor finds a published figure that cites the source", async () => {
    const sourceId = new URL(editUrl).pathname.split("/").at(-1)!;
    await editor.goto(`/en/editor/observations?source=${sourceId}&status=published`);
    const figureId = await editor.locator('tr[data-status="published"]').first().getAttribute("data-observation");
    expect(figureId, "the source is cited by a published figure").toBeTruthy();
    await editor.goto(editUrl);
    return `/en/figures/${figureId}`;
  });
  const correctedPublisher = `El Faro (checked ${stamp})`;
  const reason = `The outlet's name as printed on the report (${stamp}).`;

  // Opened before the change is applied, so it still holds the old version.
  const staleTab = await editor.context().newPage();
  await staleTab.goto(editUrl);
  await expect(staleTab.getByLabel("Publisher or outlet")).toBeVisible();

  await test.step("a proposal needs a reason", async () => {
    await publisher.fill(correctedPublisher);
    await editor.getByRole("button", { name: "Propose change" }).click();
    await expect(editor.getByLabel("Why this change")).toHaveAttribute("aria-invalid", "true");
  });

  await test.step("the editor proposes the new publisher; it waits for review and readers see nothing yet", async () => {
    await editor.getByLabel("Why this change").fill(reason);
    await editor.getByRole("button", { name: "Propose change" }).click();
    await expect(
      editor.getByRole("status").filter({ hasText: "Proposed. Your change will be published when a reviewer approves it." }),
    ).toBeVisible();
    const pending = editor.getByRole("region", { name: "Waiting for review on this record" });
    await expect(pending.locator("[data-proposal]")).toContainText(correctedPublisher);
    await expect(pending.getByRole("button", { name: "Apply" })).toHaveCount(0);
    await expect(pending.getByRole("button", { name: "Withdraw" })).toBeVisible();
    await expectAccessible(editor);

    await page.goto(citingFigurePage);
    await expect(page.getByText(originalPublisher).first()).toBeVisible();
    await expect(page.getByText(correctedPublisher)).toHaveCount(0);
    await page.goto("/en/changes");
    await expect(page.getByText(reason)).toHaveCount(0);
  });

  await test.step("a reviewer who did not propose it applies it from the reference review page", async () => {
    // The review queue, where reviewers start, points to the reference changes waiting.
    await reviewer.goto("/en/editor/review");
    await reviewer.getByRole("link", { name: /reference data changes? waits? for review/ }).click();
    await expect(reviewer.getByRole("heading", { level: 1, name: "Reference changes to review" })).toBeVisible();
    await reviewer.goto("/en/editor/reference");
    await reviewer.getByRole("link", { name: "Changes waiting for review" }).click();
    await expect(reviewer.getByRole("heading", { level: 1, name: "Reference changes to review" })).toBeVisible();
    const card = proposalCard(reviewer, reason);
    await expect(
      card
        .getByRole("row", { name: /Publisher or outlet/ })
        .getByRole("cell")
        .nth(1),
    ).toHaveText(correctedPublisher);
    await expectAccessible(reviewer);
    await applyFromReviewPage(reviewer, reason);
  });

  await test.step("readers see the new publisher, and the change log shows it with the reason in both languages", async () => {
    await page.goto(citingFigurePage);
    await expect(page.getByText(correctedPublisher).first()).toBeVisible();
    await page.goto("/en/changes");
    const entry = page.locator('[data-entity="source"]').filter({ hasText: reason });
    await expect(entry).toHaveCount(1);
    await expect(entry.locator("[data-action-label]")).toHaveText("Edited");
    await expect(entry.locator('[data-field="publisher"]')).toContainText(correctedPublisher);
    await expect(entry).toContainText(`by ${REVIEWER.displayName}`);
    await page.goto("/es/changes");
    const entrada = page.locator('[data-entity="source"]').filter({ hasText: reason });
    await expect(entrada.locator("[data-action-label]")).toHaveText("Modificado");
    await expect(entrada.getByRole("heading")).toContainText("Fuente:");
    await expect(entrada.locator('[data-field="publisher"]')).toContainText("Editorial o medio");
    await expectAccessible(page);
  });

  await test.step("the stale tab's proposal is refused and shows the current publisher", async () => {
    await staleTab.getByLabel("Publisher or outlet").fill(`Stale edit ${stamp}`);
    await staleTab.getByLabel("Why this change").fill("A stale correction.");
    await staleTab.getByRole("button", { name: "Propose change" }).click();
    await expect(staleTab.getByRole("heading", { name: "Someone else saved a newer version" })).toBeVisible();
    const row = staleTab.getByRole("row", { name: /Publisher or outlet/ });
    await expect(row.getByRole("cell").first()).toHaveText(correctedPublisher);
    await expect(row.getByRole("cell").nth(1)).toHaveText(`Stale edit ${stamp}`);

    await staleTab.getByRole("button", { name: "Load the current version into the form" }).click();
    await expect(staleTab.getByLabel("Publisher or outlet")).toHaveValue(correctedPublisher);
    // From the current version the proposal goes through: this puts the dataset's publisher back.
    await staleTab.getByLabel("Publisher or outlet").fill(originalPublisher);
    await staleTab.getByLabel("Why this change").fill(`Back to the dataset's publisher (${stamp}).`);
    await staleTab.getByRole("button", { name: "Propose change" }).click();
    await expect(staleTab.getByRole("status").filter({ hasText: "Proposed." })).toBeVisible();
    await staleTab.close();
    await applyFromReviewPage(reviewer, `Back to the dataset's publisher (${stamp}).`);
  });

  const eventTitle = `Contraste test report ${stamp}`;
  await test.step("the editor proposes an event, with the form's own messages for missing fields first", async () => {
    await editor.goto("/en/editor/reference/events");
    await editor.getByRole("link", { name: "Add an event" }).click();
    await editor.getByRole("button", { name: "Propose" }).click();
    await expect(editor.getByRole("alert").filter({ hasText: "Some fields need attention" })).toBeVisible();
    await expect(editor.getByLabel("Title in English")).toHaveAttribute("aria-invalid", "true");
    await expect(editor.getByLabel("Title in English")).toHaveAccessibleDescription("Write the title in English.");

    await editor.getByLabel("Kind").selectOption("report");
    await editor.getByLabel("Date", { exact: true }).fill("2025-06-30");
    await editor.getByLabel("Date precision").selectOption("day");
    await editor.getByLabel("Title in Spanish").fill(`Informe de prueba de Contraste ${stamp}`);
    await editor.getByLabel("Title in English").fill(eventTitle);
    await editor.getByLabel("Source web address").fill(EVENT_SOURCE_URL);
    await editor.getByLabel(/^Indicators/).selectOption(["homicide_rate", "homicides_total"]);
    await editor.getByLabel("Why this change").fill("The report was published that day.");
    await editor.getByRole("button", { name: "Propose" }).click();
    await expect(
      editor.getByRole("status").filter({ hasText: "Proposed. Your change will be published when a reviewer approves it." }),
    ).toBeVisible();

    await page.goto("/en/events");
    await expect(page.getByRole("heading", { name: eventTitle, exact: true })).toHaveCount(0);
  });

  await test.step("once applied, the new event is on the public events page", async () => {
    await applyFromReviewPage(reviewer, eventTitle);
    await page.goto("/en/events");
    const item = page.locator("[data-event]").filter({ has: page.getByRole("heading", { name: eventTitle, exact: true }) });
    await expect(item).toHaveCount(1);
    await expect(item.locator("[data-kind]")).toHaveText("Report");
    await expect(item.locator("a.source-link")).toHaveAttribute("href", EVENT_SOURCE_URL);
    // It concerns the indicators the editor chose: listed with it, and on their charts' filter only.
    await expect(item.getByRole("link", { name: "Homicide rate", exact: true })).toHaveAttribute("href", "/en/indicators/homicide_rate");
    await page.goto("/en/events?indicator=homicides_total");
    await expect(page.getByRole("heading", { name: eventTitle, exact: true })).toHaveCount(1);
    await page.goto("/en/events?indicator=cecot_inmates");
    await expect(page.getByRole("heading", { name: eventTitle, exact: true })).toHaveCount(0);
  });

  await test.step("a reviewer's own proposal has no Apply for them; the admin applies it, and both languages read it", async () => {
    await reviewer.goto("/en/editor/reference/indicators?q=journalists_exiled");
    await reviewer.getByRole("table").getByRole("link").first().click();
    await expect(reviewer.getByRole("heading", { level: 1, name: "Edit an indicator" })).toBeVisible();
    const editPage = reviewer.url();
    const originalName = await reviewer.getByLabel("Name in English").inputValue();
    const originalUnitEs = await reviewer.getByLabel("Unit in Spanish").inputValue();
    const newName = `Journalists in exile (checked ${stamp})`;
    const newUnitEs = `periodistas (comprobado ${stamp})`;
    await reviewer.getByLabel("Name in English").fill(newName);
    await reviewer.getByLabel("Unit in Spanish").fill(newUnitEs);
    await reviewer.getByLabel("Why this change").fill("The unit had no Spanish wording.");
    await reviewer.getByRole("button", { name: "Propose change" }).click();
    await expect(reviewer.getByRole("status").filter({ hasText: "Proposed." })).toBeVisible();

    await reviewer.goto("/en/editor/reference/review");
    const own = proposalCard(reviewer, newName);
    await expect(own).toContainText("You proposed this change: another reviewer must apply it.");
    await expect(own.getByRole("button", { name: "Apply" })).toHaveCount(0);

    await applyFromReviewPage(page, newName);
    await page.goto("/en/indicators/journalists_exiled");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(newName);
    await page.goto("/es/indicators/journalists_exiled");
    await expect(page.getByText(`Unidad: ${newUnitEs}`)).toBeVisible();

    await reviewer.goto(editPage);
    await reviewer.getByLabel("Name in English").fill(originalName);
    await reviewer.getByLabel("Unit in Spanish").fill(originalUnitEs);
    await reviewer.getByLabel("Why this change").fill(`Back to the dataset's wording (${stamp}).`);
    await reviewer.getByRole("button", { name: "Propose change" }).click();
    await expect(reviewer.getByRole("status").filter({ hasText: "Proposed." })).toBeVisible();
    await applyFromReviewPage(page, `Back to the dataset's wording (${stamp}).`);
  });

  await test.step("the same pages read in Spanish", async () => {
    await page.goto("/es/editor/reference");
    await expect(page.getByRole("heading", { level: 1, name: "Datos de referencia" })).toBeVisible();
    await expect(page.getByRole("main").getByRole("link", { name: "Indicadores", exact: true })).toBeVisible();
    await expect(page.getByRole("link", { name: "Cambios pendientes de revisión" })).toBeVisible();
  });
});
