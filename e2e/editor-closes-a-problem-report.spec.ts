import { expect, test } from "@playwright/test";
import { signInAdmin } from "./editor-admin";

// A reader's report reaches the staff list; an admin closes it with a note, and the list says who closed it.

test("staff see a reader's report with its email and close it with a note", async ({ page, request }) => {
  const figures = (await (await request.get("/api/v1/indicators/prison_population/observations")).json()).data as { id: string }[];
  const figure = figures[0]!;
  const message = `Informe de prueba ${Date.now()}: el año de esta cifra parece equivocado.`;
  const sent = await request.post("/api/reports", {
    data: { observationId: figure.id, message, email: "lectora@example.org" },
  });
  expect(sent.status(), await sent.text()).toBe(201);

  await signInAdmin(page.request);
  await page.goto("/es/editor/reports");
  await expect(page.getByRole("heading", { level: 1, name: "Avisos de lectores" })).toBeVisible();
  const report = page.locator("[data-report]").filter({ hasText: message });
  await expect(report).toHaveAttribute("data-status", "open");
  await expect(report).toContainText("lectora@example.org");
  await expect(report.getByRole("link", { name: "Página pública" })).toHaveAttribute("href", `/es/figures/${figure.id}`);
  await expect(report.getByRole("link", { name: "Abrir en el editor" })).toHaveAttribute("href", `/es/editor/observations/${figure.id}`);

  await report.getByRole("button", { name: "Cerrar el aviso" }).click();
  await expect(report.locator("[id$='-error']")).toBeVisible();
  await report.getByLabel("Nota de cierre").fill("Revisado: la cifra coincide con la fuente.");
  await report.getByRole("button", { name: "Cerrar el aviso" }).click();

  // Closed, it leaves the open list and shows in the closed one with the note and who closed it.
  await expect(page.locator("[data-report]").filter({ hasText: message })).toHaveCount(0);
  await page.getByRole("link", { name: "Cerrados" }).click();
  const closed = page.locator("[data-report]").filter({ hasText: message });
  await expect(closed).toHaveAttribute("data-status", "closed");
  await expect(closed.locator("[data-close-note]")).toHaveText("Revisado: la cifra coincide con la fuente.");
  await expect(closed.locator("[data-closed-by]")).toContainText("Cerrado el");
  await expect(closed.getByRole("button", { name: "Cerrar el aviso" })).toHaveCount(0);
});
