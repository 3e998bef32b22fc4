import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

// One journey on one fresh database: the first admin sets up the editor, an editor enters a
// figure, a second person publishes it, readers see it, and a correction goes through the same
// two-person rule. Each step builds on the last, so they run in order.
test.describe.configure({ mode: "serial", timeout: 60_000 });

type Person = { email: string; displayName: string; password: string };
// Other journeys sign in as this admin when they run after this one (see playwright.config.ts).
const ADMIN: Person = { email: "admin@example.org", displayName: "Ana Admin", password: "correct horse battery staple 42" };
const EDITOR: Person = { email: "editor@example.org", displayName: "Eddie Editor", password: "editor password 2026" };
const REVIEWER: Person = { email: "reviewer@example.org", displayName: "Rita Reviewer", password: "reviewer password 2026" };
const SOURCE_URL = "https://example.org/synthetic-2026";

let figureId = "";
let secondDraftId = "";

const editorNav = (page: Page) => page.getByRole("navigation", { name: "Editor" });
const field = (page: Page, label: string) => page.getByLabel(label, { exact: true });
const idFromUrl = (page: Page) => new URL(page.url()).pathname.split("/").pop()!;

async function signIn(page: Page, person: Person) {
  await page.goto("/en/editor/sign-in");
  await field(page, "Email").fill(person.email);
  await field(page, "Password").fill(person.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/en\/editor$/);
  await expect(editorNav(page)).toContainText(person.displayName);
}

async function signOut(page: Page) {
  await editorNav(page).getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/en\/editor\/sign-in$/);
  await expect(editorNav(page)).toHaveCount(0);
}

async function publishFromQueue(page: Page, id: string) {
  await editorNav(page).getByRole("link", { name: "Review queue" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Review queue");
  const row = page.locator(`tr[data-observation="${id}"]`);
  await row.getByRole("checkbox").check();
  await page.getByRole("button", { name: "Publish selected (1)" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Readers see them now." })).toBeVisible();
  await expect(row).toHaveCount(0);
}

test("the first admin sets up Contraste and adds an editor and a reviewer", async ({ page }) => {
  await page.goto("/en/editor");
  await expect(page).toHaveURL(/\/en\/editor\/setup$/);

  await field(page, "Email").fill(ADMIN.email);
  await field(page, "Name shown on the change log").fill(ADMIN.displayName);
  await field(page, "Password").fill("too short");
  await page.getByRole("button", { name: "Create the admin account" }).click();
  // Checked in the browser with the route's own schema, shown next to the field.
  await expect(page.locator("#field-password-error")).toHaveText("Use at least 12 characters.");
  await expect(field(page, "Password")).toHaveAttribute("aria-invalid", "true");

  await field(page, "Password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Create the admin account" }).click();
  await expect(page).toHaveURL(/\/en\/editor$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Editor dashboard");

  for (const [person, role] of [
    [EDITOR, "editor"],
    [REVIEWER, "reviewer"],
  ] as const) {
    const response = await page.request.post("/api/editor/users", { data: { ...person, role } });
    expect(response.status()).toBe(201);
  }
  await signOut(page);
});

test("the setup page no longer exists once someone has an account", async ({ page }) => {
  const response = await page.goto("/en/editor/setup");
  expect(response?.status()).toBe(404);
});

test("an editor adds a figure as a draft and cannot publish it", async ({ page }) => {
  await signIn(page, EDITOR);
  await expect(editorNav(page).getByRole("link", { name: "Review queue" })).toHaveCount(0);
  await editorNav(page).getByRole("link", { name: "Add a figure" }).click();
  await expect(page).toHaveURL(/\/en\/editor\/observations\/new$/);

  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.locator("#field-indicatorSlug-error")).toHaveText("Choose an indicator.");

  await field(page, "Indicator").selectOption("homicide_rate");
  await field(page, "Value").fill("3.3");
  await field(page, "Date precision").selectOption("year");
  await field(page, "As of").fill("2026-01-01");
  await field(page, "Producer").fill("Synthetic Test Observatory");
  await field(page, "Producer type").selectOption("academic");
  await field(page, "Source address (URL)").fill(SOURCE_URL);
  await field(page, "Publisher").fill("Example Publisher");
  await page.getByRole("button", { name: "Save draft" }).click();

  await expect(page).toHaveURL(/\/en\/editor\/observations\/[^/?]+\?saved=1$/);
  figureId = idFromUrl(page);
  await expect(page.getByText("Saved.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Homicide rate: 3.3");
  await expect(page.getByRole("button", { name: "Publish" })).toHaveCount(0);
  await expect(page.getByTestId("observation-history")).toContainText("Created as a draft by Eddie Editor");

  await editorNav(page).getByRole("link", { name: "Dashboard" }).click();
  await expect(page.getByTestId("drafts-table").locator(`tr[data-observation="${figureId}"]`)).toContainText("Synthetic Test Observatory");
  await signOut(page);
});

test("a reviewer publishes the draft and a visitor sees it with its source", async ({ page, browser }) => {
  await signIn(page, REVIEWER);
  await publishFromQueue(page, figureId);

  const visitor = await browser.newContext();
  const reader = await visitor.newPage();
  // The table shows 20 rows a page; newest first, this test's figures are on the first.
  await reader.goto("/en/indicators/homicide_rate?dir=desc");
  await expect(reader.locator(`[data-testid="chart-svg"] [data-observation="${figureId}"]`)).toHaveCount(1);
  const row = reader.locator(`.observation-table tr[data-observation="${figureId}"]`);
  await expect(row.locator(`a[href="${SOURCE_URL}"]`)).toBeVisible();
  await expect(row.locator("td.number")).toHaveText("3.3");
  await visitor.close();
});

test("a reviewer corrects the figure and another person publishes the correction", async ({ page, browser }) => {
  await signIn(page, REVIEWER);
  await page.goto(`/en/editor/observations/${figureId}`);
  await field(page, "Value").fill("3.4");
  await field(page, "Why does this published figure need correcting?").fill("Typo in the first entry");
  await page.getByRole("button", { name: "Propose correction" }).click();

  await expect(page).toHaveURL(/\/en\/editor\/observations\/[^/?]+\?saved=1$/);
  const correctionId = idFromUrl(page);
  expect(correctionId).not.toBe(figureId);
  // Two-person rule: whoever proposed the correction does not publish it.
  await expect(page.getByText("You changed this draft; a reviewer who did not change it must publish it.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Publish" })).toHaveCount(0);
  await signOut(page);

  await signIn(page, ADMIN);
  await editorNav(page).getByRole("link", { name: "Review queue" }).click();
  const item = page.locator(`tr[data-observation="${correctionId}"]`);
  await expect(item).toContainText("Typo in the first entry");
  await expect(item).toContainText("Published now: 3.3");
  await expect(item.locator("strong")).toHaveText("3.4");
  await publishFromQueue(page, correctionId);

  await page.goto(`/en/editor/observations/${figureId}`);
  const history = page.getByTestId("observation-history");
  await expect(history).toContainText("Correction proposed by Rita Reviewer");
  await expect(history).toContainText("Correction published by Ana Admin");
  await expect(history).toContainText("Reason: Typo in the first entry");

  const visitor = await browser.newContext();
  const reader = await visitor.newPage();
  // The table shows 20 rows a page; newest first, this test's figures are on the first.
  await reader.goto("/en/indicators/homicide_rate?dir=desc");
  await expect(reader.locator(`[data-testid="chart-svg"] [data-observation="${figureId}"]`)).toHaveCount(1);
  await expect(reader.locator(`.observation-table tr[data-observation="${figureId}"] td.number`)).toHaveText("3.4");

  // The public change log shows the correction, its reason and the reviewer's name, never an email.
  await reader.goto("/en/changes");
  const corrected = reader.locator('[data-action="corrected"]').first();
  await expect(corrected).toContainText("Homicide rate");
  await expect(corrected).toContainText("Typo in the first entry");
  await expect(corrected).toContainText(ADMIN.displayName);
  await expect(corrected.locator("a", { hasText: /./ }).last()).toHaveAttribute("href", SOURCE_URL);
  await expect(reader.locator('[data-action="published"]').first()).toContainText(REVIEWER.displayName);
  expect(await reader.content()).not.toContain("@example.org");
  await visitor.close();
});

test("a stale edit is refused with the current values, and nothing is overwritten silently", async ({ page }) => {
  await signIn(page, EDITOR);
  const created = await page.request.post("/api/editor/observations", {
    data: {
      indicatorSlug: "homicide_rate",
      value: "5",
      asOf: "2025-01-01",
      datePrecision: "year",
      producer: { name: "Synthetic Test Observatory", type: "academic" },
      source: { url: "https://example.org/synthetic-2025", publisher: "Example Publisher" },
    },
  });
  expect(created.status()).toBe(201);
  const { data } = (await created.json()) as { data: { id: string } };
  secondDraftId = data.id;
  const address = `/en/editor/observations/${data.id}`;

  const first = page;
  const second = await page.context().newPage();
  await first.goto(address);
  await second.goto(address);

  await field(first, "Value").fill("5.1");
  await first.getByRole("button", { name: "Save changes" }).click();
  await expect(first.getByText("Saved.")).toBeVisible();

  await field(second, "Value").fill("5.2");
  await second.getByRole("button", { name: "Save changes" }).click();
  const conflict = second.getByTestId("edit-conflict");
  await expect(conflict).toContainText("Someone else saved this figure while you were editing");
  await expect(conflict.locator('[data-field="value"]')).toHaveText("5.1");
  await expect(field(second, "Value")).toHaveValue("5.2");

  await first.reload();
  await expect(field(first, "Value")).toHaveValue("5.1");

  // Only an explicit choice applies the second change, on top of the version it was shown.
  await second.getByRole("button", { name: "Save my changes over version 2" }).click();
  await expect(second.getByText("Saved.")).toBeVisible();
  await expect(field(second, "Value")).toHaveValue("5.2");
});

test("a reviewer retracts a figure with a reason: off the chart, still in the table", async ({ page, browser }) => {
  await signIn(page, REVIEWER);
  await publishFromQueue(page, secondDraftId);
  await page.goto(`/en/editor/observations/${secondDraftId}`);
  await page.getByRole("button", { name: "Retract" }).click();
  await expect(page.locator("#field-retract-reason-error")).toHaveText("Say why, in a sentence (at least 5 characters).");
  await field(page, "Reason for retracting").fill("Synthetic figure entered for a test");
  await page.getByRole("button", { name: "Retract" }).click();
  await expect(page.getByText("Status: Retracted, version 5")).toBeVisible();
  await expect(page.getByTestId("observation-history")).toContainText("Reason: Synthetic figure entered for a test");

  const visitor = await browser.newContext();
  const reader = await visitor.newPage();
  // The table shows 20 rows a page; newest first, this test's figures are on the first.
  await reader.goto("/en/indicators/homicide_rate?dir=desc");
  await expect(reader.locator(`[data-testid="chart-svg"] [data-observation="${secondDraftId}"]`)).toHaveCount(0);
  await expect(reader.locator(`.observation-table tr[data-observation="${secondDraftId}"]`)).toHaveAttribute("data-status", "retracted");
  await visitor.close();
});

test("a reviewer who changed someone's draft is not offered Publish; a reviewer who did not change it publishes", async ({ page }) => {
  const changedByYou = "You changed this draft; a reviewer who did not change it must publish it.";
  await signIn(page, EDITOR);
  const created = await page.request.post("/api/editor/observations", {
    data: {
      indicatorSlug: "homicide_rate",
      value: "7",
      asOf: "2024-01-01",
      datePrecision: "year",
      producer: { name: "Synthetic Test Observatory", type: "academic" },
      source: { url: "https://example.org/synthetic-2024", publisher: "Example Publisher" },
    },
  });
  expect(created.status()).toBe(201);
  const draftId = ((await created.json()) as { data: { id: string } }).data.id;
  await signOut(page);

  await signIn(page, REVIEWER);
  await page.goto(`/en/editor/observations/${draftId}`);
  await expect(page.getByRole("button", { name: "Publish" })).toHaveCount(1);
  await field(page, "Value").fill("7.5");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  await expect(page.getByText(changedByYou)).toBeVisible();
  await expect(page.getByRole("button", { name: "Publish" })).toHaveCount(0);
  // In the queue the draft is listed, marked as changed by this reviewer, with nothing to select it by.
  await editorNav(page).getByRole("link", { name: "Review queue" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Review queue");
  const row = page.locator(`tr[data-observation="${draftId}"]`);
  await expect(row).toContainText("You changed it: another reviewer must publish it");
  await expect(row.getByRole("checkbox")).toHaveCount(0);
  // It is the only draft waiting in this journey: with nothing this reviewer may publish, no publish action is offered.
  await expect(page.getByText("1 draft waits for review.")).toBeVisible();
  await expect(page.getByRole("button", { name: /^Publish selected/ })).toHaveCount(0);
  await expect(page.getByRole("checkbox", { name: "Select all on this page" })).toHaveCount(0);
  await signOut(page);

  await signIn(page, ADMIN);
  await publishFromQueue(page, draftId);
});

test("changing one's password ends the session; the new password signs in", async ({ page }) => {
  await signIn(page, EDITOR);
  await editorNav(page).getByRole("link", { name: "Account" }).click();
  await field(page, "Current password").fill(EDITOR.password);
  const newPassword = "a brand new editor password";
  await field(page, "New password").fill(newPassword);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page).toHaveURL(/\/en\/editor\/sign-in\?changed=1$/);
  await expect(page.getByText("Your password was changed")).toBeVisible();
  await signIn(page, { ...EDITOR, password: newPassword });
});

test("the editor's pages speak Spanish too and have no WCAG 2.2 AA violations", async ({ page, browser }) => {
  const check = async (target: Page, path: string) => {
    await target.goto(path);
    const results = await new AxeBuilder({ page: target }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
    expect(
      results.violations.map((violation) => `${violation.id}: ${violation.nodes[0]?.target.join(" ")}`),
      path,
    ).toEqual([]);
  };
  const visitor = await browser.newContext();
  const stranger = await visitor.newPage();
  await check(stranger, "/es/editor/sign-in");
  await expect(stranger.getByRole("heading", { level: 1 })).toHaveText("Entrar al editor");
  await visitor.close();

  await signIn(page, ADMIN);
  for (const locale of ["en", "es"]) {
    for (const path of ["", "/observations/new", `/observations/${figureId}`, "/review", "/account"])
      await check(page, `/${locale}/editor${path}`);
  }
  await page.goto("/es/editor/observations/new");
  await page.getByRole("button", { name: "Guardar borrador" }).click();
  await expect(page.locator("#field-indicatorSlug-error")).toHaveText("Elija un indicador.");
});
