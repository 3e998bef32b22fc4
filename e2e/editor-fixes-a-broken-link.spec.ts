import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { checkLink } from "../lib/sources/link-check";
import { embeddedDataDir, findRunningServer } from "../server/database/embedded";
import { signInAdmin } from "./editor-admin";

// An editor finds a source whose link broke and reaches what fixes it: the source's form (a new
// address or an archived copy) and the figures that cite it. The test server reaches no outside
// address, so the checker is run against a server started here, and its result stored on one of the
// dataset's sources as npm run sources:check would store it; the source is put back afterwards.

let site: Server;
let db: pg.Client;
let source: { id: string; url: string };

test.beforeAll(async () => {
  site = createServer((request, response) =>
    request.url === "/report" ? response.writeHead(301, { Location: "/report-moved" }).end() : response.writeHead(404).end(),
  );
  await new Promise<void>((resolve) => site.listen(0, "127.0.0.1", resolve));
  const databaseUrl = process.env.DATABASE_URL ?? (await findRunningServer(embeddedDataDir()));
  if (!databaseUrl) throw new Error("The journey reads the app's database: run it with the app's DATABASE_URL or CONTRASTE_DATA_DIR.");
  db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const { rows } = await db.query<{ id: string; url: string }>(
    `SELECT s.id, s.url FROM "Source" s
      WHERE s."archivedUrl" IS NULL AND s."linkState" IS DISTINCT FROM 'broken'
        AND EXISTS (SELECT 1 FROM "Observation" o WHERE o."sourceId" = s.id AND o.status = 'published')
      ORDER BY s.url LIMIT 1`,
  );
  source = rows[0]!;
  const { port } = site.address() as AddressInfo;
  const result = await checkLink(`http://127.0.0.1:${port}/report`, { userAgent: "ContrasteLinkCheck/1.0 (journey)", allowLoopback: true });
  expect(result).toMatchObject({ state: "broken", statusCode: 404 });
  await db.query(
    `UPDATE "Source" SET "linkState" = $2, "linkStatusCode" = $3, "linkError" = $4, "linkRedirects" = $5,
       "linkCheckedAt" = '2026-12-03T02:00:00Z', "linkBrokenSince" = '2026-11-02T02:00:00Z' WHERE id = $1`,
    [source.id, result.state, result.statusCode, result.error, result.redirects],
  );
});

test.afterAll(async () => {
  await db?.query(
    `UPDATE "Source" SET "linkState" = NULL, "linkStatusCode" = NULL, "linkError" = NULL, "linkRedirects" = '{}',
       "linkCheckedAt" = NULL, "linkBrokenSince" = NULL WHERE id = $1`,
    [source.id],
  );
  await db?.end();
  await new Promise((resolve) => site?.close(resolve));
});

test("an editor finds a broken link and reaches its form and its figures", async ({ page }) => {
  await signInAdmin(page.request);
  await page.goto("/es/editor/links");
  await expect(page.getByRole("heading", { level: 1, name: "Enlaces rotos" })).toBeVisible();
  const row = page.getByRole("row").filter({ has: page.getByRole("rowheader").filter({ hasText: source.url }) });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("La página respondió 404");
  await expect(row).toContainText("/report-moved");
  await expect(row).toContainText(/\d+ cifras? publicadas?/);

  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes[0]?.target.join(" ")}`)).toEqual([]);

  await row.getByRole("link", { name: `Editar la fuente ${source.url}` }).click();
  await expect(page).toHaveURL(new RegExp(`/es/editor/reference/sources/${source.id}$`));

  await page.goBack();
  await row.getByRole("link", { name: `Ver las cifras que citan ${source.url}` }).click();
  await expect(page).toHaveURL(new RegExp(`/es/editor/observations\\?source=${source.id}$`));
  // The list filtered to the source: its figures, each linking to it.
  await expect(page.locator(`td a[href=${JSON.stringify(source.url)}]`).first()).toBeVisible();

  await page.goto("/en/editor/links");
  await expect(page.getByRole("heading", { level: 1, name: "Broken links" })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: source.url })).toContainText("The page answered 404");
});
