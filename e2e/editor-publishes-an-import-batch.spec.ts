import AxeBuilder from "@axe-core/playwright";
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { signInAdmin } from "./editor-admin";

// An editor imports 3,000 figures from a spreadsheet; a second person, a reviewer working in
// Spanish, finds the import in the review queue (50 compact rows a page, grouped under the batch),
// publishes the whole batch in one action and is told how many figures were published; readers
// then see every figure. Everything lives on a synthetic indicator of its own, so the dataset
// other journeys read is untouched.

const STAMP = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
const SLUG = `synthetic_batch_${STAMP}`;
const ROWS = 3_000;
const FILE_NAME = `cifras-${STAMP}.csv`;
const PRODUCER = `Observatorio sintético ${STAMP}`;

const EDITOR = {
  email: `batch-editor-${STAMP}@example.org`,
  displayName: "Editora del lote",
  password: "editora del lote 2026",
  role: "editor",
};
const REVIEWER = {
  email: `batch-reviewer-${STAMP}@example.org`,
  displayName: "Revisor del lote",
  password: "revisor del lote 2026",
  role: "reviewer",
};

/** Signs in as the first admin, creating it when setup is still open (the journey may run alone). */

async function signedIn(baseURL: string, person: { email: string; password: string }) {
  const context = await playwrightRequest.newContext({ baseURL });
  const response = await context.post("/api/editor/session", { data: { email: person.email, password: person.password } });
  expect(response.status(), await response.text()).toBe(200);
  return context;
}

async function send(context: APIRequestContext, path: string, data: unknown, status: number) {
  const response = await context.post(path, { data });
  expect(response.status(), `POST ${path}: ${await response.text()}`).toBe(status);
  return (await response.json()).data;
}

/** A day for each row, from 1 January 2000 on: no two rows of the file name the same period. */
const day = (index: number) => new Date(Date.UTC(2000, 0, 1 + index)).toISOString().slice(0, 10);

function csv() {
  const lines = ["indicator,value,asOf,datePrecision,producer,producerType,sourceUrl,publisher"];
  for (let i = 0; i < ROWS; i++)
    lines.push(`${SLUG},${100 + i},${day(i)},day,${PRODUCER},ngo,https://example.org/lote-${STAMP},Boletín sintético`);
  return `${lines.join("\n")}\n`;
}

test("a reviewer publishes a 3,000-row import batch from the queue in one action, and readers see every figure", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const admin = await playwrightRequest.newContext({ baseURL });
  await signInAdmin(admin);
  for (const person of [EDITOR, REVIEWER]) await send(admin, "/api/editor/users", person, 201);
  await admin.dispose();
  const editor = await signedIn(baseURL!, EDITOR);
  const reviewerApi = await signedIn(baseURL!, REVIEWER);

  // The synthetic indicator: proposed by the editor, applied by the reviewer.
  const proposal = await send(
    editor,
    "/api/editor/indicators",
    {
      data: {
        slug: SLUG,
        nameEn: `Synthetic batch ${STAMP}`,
        nameEs: `Lote sintético ${STAMP}`,
        descriptionEn: "Figures of a synthetic import batch.",
        descriptionEs: "Cifras de un lote de importación sintético.",
        unit: "people",
        theme: "public_opinion",
        valueKind: "point_in_time_count",
      },
      reason: "Indicador para probar la publicación de un lote.",
    },
    202,
  );
  await send(reviewerApi, `/api/editor/reference-changes/${proposal.id}/apply`, {}, 200);
  await reviewerApi.dispose();

  const mapping = {
    indicator: "indicator",
    value: "value",
    asOf: "asOf",
    datePrecision: "datePrecision",
    producer: "producer",
    producerType: "producerType",
    sourceUrl: "sourceUrl",
    publisher: "publisher",
  };
  const imported = await send(
    editor,
    "/api/editor/imports",
    { csv: csv(), mapping, fileName: FILE_NAME, options: { delimiter: ",", numberFormat: "decimal_point", dateFormat: "iso" } },
    201,
  );
  const batchId = imported.batchId as string;
  expect(batchId).toBeTruthy();
  await editor.dispose();

  await test.step("the reviewer finds the batch in the queue, 50 compact rows a page under its heading", async () => {
    const session = await page.request.post("/api/editor/session", { data: { email: REVIEWER.email, password: REVIEWER.password } });
    expect(session.status()).toBe(200);
    await page.goto("/es/editor/review");
    await expect(page.getByRole("heading", { level: 1, name: "Cola de revisión" })).toBeVisible();
    await page.getByLabel("Lote de importación").selectOption(batchId);
    await page.getByRole("button", { name: "Filtrar" }).click();
    await expect(page).toHaveURL(new RegExp(`[?&]batch=${batchId}`));

    const batch = page.locator(`section[data-batch="${batchId}"]`);
    await expect(batch.getByRole("heading", { name: `Lote «${FILE_NAME}»` })).toBeVisible();
    await expect(batch).toContainText("Importado por Editora del lote");
    await expect(batch).toContainText(/3\.?000 borradores de este lote esperan revisión/);
    await expect(batch.locator("tr[data-observation]")).toHaveCount(50);
    await expect(batch.locator("tr[data-observation]").first()).toContainText(PRODUCER);
    await expect(page.getByRole("navigation", { name: "Páginas de la cola de revisión" })).toContainText("Página 1 de 60");
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
    expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes[0]?.target.join(" ")}`)).toEqual([]);
  });

  await test.step("one action publishes the whole batch, and the queue says how many", async () => {
    const batch = page.locator(`section[data-batch="${batchId}"]`);
    await batch.getByRole("button", { name: "Publicar todo el lote" }).click();
    await expect(page.getByRole("status").filter({ hasText: /Se publicaron 3\.?000 cifras nuevas\./ })).toBeVisible({ timeout: 60_000 });
    await expect(page.locator(`section[data-batch="${batchId}"]`)).toHaveCount(0);
    await expect(page.getByText("Nada espera revisión con estos filtros.")).toBeVisible();
  });

  await test.step("readers see every figure of the batch", async () => {
    const reader = await playwrightRequest.newContext({ baseURL });
    let url: string | null = `/api/v1/indicators/${SLUG}/observations`;
    const ids = new Set<string>();
    while (url) {
      const response = await reader.get(url);
      expect(response.status()).toBe(200);
      const body = (await response.json()) as { data: { id: string; producer: { name: string } }[]; meta?: { nextCursor?: string | null } };
      for (const figure of body.data) {
        expect(figure.producer.name).toBe(PRODUCER);
        ids.add(figure.id);
      }
      const next = body.meta?.nextCursor;
      url = next ? `/api/v1/indicators/${SLUG}/observations?cursor=${encodeURIComponent(next)}` : null;
    }
    expect(ids.size).toBe(ROWS);

    // The indicator page renders with thousands of daily figures, comparisons included.
    const indicatorPage = await reader.get(`/es/indicators/${SLUG}`, { timeout: 60_000 });
    expect(indicatorPage.status()).toBe(200);
    expect(await indicatorPage.text()).toContain(PRODUCER);

    // The public change log lists each figure's publication by the reviewer.
    const changes = await reader.get("/api/v1/changes?limit=100");
    expect(changes.status()).toBe(200);
    const log = await changes.text();
    expect(log).toContain(SLUG);
    expect(log).toContain(REVIEWER.displayName);
    await reader.dispose();
  });

  await test.step("a reader goes through the dense chart's figures with the keyboard and the mouse", async () => {
    await page.goto(`/en/indicators/${SLUG}`);
    const chart = page.getByTestId("indicator-chart");
    // 3,000 daily figures, the thinned ones drawn: a dot each, no element each, the series focusable as a whole.
    const series = chart.locator("[data-dense-series]");
    await expect(series).toHaveCount(1);
    await expect(chart.locator("[data-observation]")).toHaveCount(0);
    const drawn = /draws ([\d,]+) of the 3,000 figures/.exec((await chart.getByTestId("chart-thinned").textContent()) ?? "")?.[1];
    expect(drawn).toBeTruthy();
    await expect(series).toHaveAccessibleName(
      new RegExp(`^${PRODUCER} \\(NGO\\): ${drawn} figures drawn, from 1 January 2000 to 18 March 2008, each as a dot`),
    );
    const detail = page.getByTestId("point-detail");
    const live = chart.locator("[aria-live=polite]");

    const axe = await new AxeBuilder({ page })
      .include("[data-testid=indicator-chart]")
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
      .analyze();
    expect(axe.violations.map((violation) => `${violation.id}: ${violation.nodes[0]?.target.join(" ")}`)).toEqual([]);

    await series.focus();
    await expect(detail).toContainText("3,099");
    await expect(detail).toContainText("18 March 2008");
    await expect(detail.getByRole("link", { name: /Boletín sintético/ })).toHaveAttribute("href", `https://example.org/lote-${STAMP}`);
    await page.keyboard.press("Home");
    await expect(detail).toContainText("1 January 2000");
    await expect(live).toHaveText(`100, 1 January 2000, ${PRODUCER} (NGO)`);
    await page.keyboard.press("ArrowRight");
    await expect(detail).not.toContainText("1 January 2000");
    await page.keyboard.press("End");
    await expect(detail).toContainText("18 March 2008");
    // Enter takes the focus into the details (their links come next); Escape gives it back to the series.
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("point-details")).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(detail).toHaveCount(0);
    await expect(series).toBeFocused();

    // The mouse opens the figure whose dot it comes to: here the first one drawn.
    await series.evaluate((element) => element.scrollIntoView({ block: "center" }));
    const dots = await series.evaluate((element) => {
      const matrix = (element as SVGGElement).getScreenCTM()!;
      return [
        ...element
          .querySelector(".chart-dots")!
          .getAttribute("d")!
          .matchAll(/M([\d.]+),([\d.]+)h0/g),
      ].map(([, x, y]) => {
        const spot = new DOMPoint(Number(x), Number(y)).matrixTransform(matrix);
        return { x: spot.x, y: spot.y };
      });
    });
    const [first, last] = [dots[0]!, dots.at(-1)!];
    await page.mouse.move(first.x + 3, first.y - 2);
    await expect(detail).toContainText("1 January 2000");
    await expect(detail).toContainText(PRODUCER);
    await page.mouse.move(last.x - 2, last.y + 3);
    await expect(detail).toContainText("18 March 2008");
    // A click pins a figure: the mouse passing over other dots (on its way to the details' links) leaves it.
    await page.mouse.click(first.x + 3, first.y - 2);
    await expect(detail).toContainText("1 January 2000");
    await page.mouse.move(last.x - 2, last.y + 3, { steps: 10 });
    await expect(detail).toContainText("1 January 2000");
    const sourceLink = detail.getByRole("link", { name: /Boletín sintético/ });
    await sourceLink.hover();
    await expect(detail).toContainText("1 January 2000");
  });
});
