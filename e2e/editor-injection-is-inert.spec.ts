import { expect, request as playwrightRequest, test, type APIRequestContext, type Page } from "@playwright/test";
import { parse } from "csv-parse/sync";

// Editors type script, HTML and SVG into every text they can (names, notes, framings, sources,
// event titles, reasons, even a reviewer's display name). Readers see those texts as text on every
// page, in the embed, the feed, the exports and the downloads; nothing of them runs.
// Everything lives on a synthetic indicator of its own, so the dataset other journeys read is untouched.

// The admin the first-run journey creates (see playwright.config.ts).
const ADMIN = { email: "admin@example.org", password: "correct horse battery staple 42" };
const STAMP = Date.now().toString(36);
const SLUG = `synthetic_injection_${STAMP}`;

const XSS = {
  script: "<script>window.__pwned=1</script>",
  img: '<img src=x onerror="window.__pwned=1">',
  svg: '<svg onload="window.__pwned=1">',
  iframe: '"><iframe src=javascript:window.__pwned=1>',
};
/** What no page may ever contain as markup: each payload exactly as typed. */
const RAW = ["<script>window.__pwned", "<img src=x onerror=", "<svg onload=", "<iframe src=javascript:"];

const TEXT = {
  nameEn: `Synthetic injection ${XSS.script}`,
  nameEs: `Inyección sintética ${XSS.img}`,
  descriptionEn: `Synthetic description ${XSS.iframe}`,
  descriptionEs: `Descripción sintética ${XSS.svg}`,
  unit: `people ${XSS.svg}`,
  ministry: `Synthetic ministry ${XSS.img}`,
  ngo: `Synthetic NGO ${XSS.svg}`,
  newspaper: `Synthetic newspaper ${XSS.script}`,
  publisher: `Synthetic outlet ${XSS.iframe}`,
  attribution: `Synthetic attribution ${XSS.iframe}`,
  noteEn: `Synthetic note ${XSS.script}`,
  // Also a formula: the CSV download must hand it to spreadsheets as text.
  noteEs: `=HYPERLINK("https://evil.example","Nota sintética") ${XSS.img}`,
  correction: `Synthetic correction reason ${XSS.svg}`,
  retraction: `Synthetic retraction reason ${XSS.img}`,
  framingEn: `Synthetic framing ${XSS.script}`,
  framingEs: `Encuadre sintético ${XSS.img}`,
  eventEn: `Synthetic event ${XSS.iframe}`,
  eventEs: `Evento sintético ${XSS.script}`,
  dateNote: `Synthetic date note ${XSS.svg}`,
  reviewer: `Synthetic reviewer ${XSS.svg}`,
};
const SOURCE_URL = `https://example.org/synthetic-injection-${STAMP}?q="><svg onload=window.__pwned=1>`;

const EDITOR = {
  email: `injection-editor-${STAMP}@example.org`,
  displayName: "Synthetic injection editor",
  password: "injection editor password",
  role: "editor",
};
const REVIEWER = {
  email: `injection-reviewer-${STAMP}@example.org`,
  displayName: TEXT.reviewer,
  password: "injection reviewer password",
  role: "reviewer",
};

async function signedIn(baseURL: string, person: { email: string; password: string }): Promise<APIRequestContext> {
  const context = await playwrightRequest.newContext({ baseURL });
  const response = await context.post("/api/editor/session", { data: { email: person.email, password: person.password } });
  expect(response.status(), await response.text()).toBe(200);
  return context;
}

async function send(context: APIRequestContext, method: "post" | "patch", path: string, data: unknown, status: number) {
  const response = await context[method](path, { data });
  expect(response.status(), `${method.toUpperCase()} ${path}: ${await response.text()}`).toBe(status);
  return (await response.json()).data;
}

const figure = (producer: { name: string; type: string }, value: string, asOf: string) => ({
  indicatorSlug: SLUG,
  value,
  qualifier: "about",
  asOf,
  datePrecision: "year",
  producer,
  source: { url: SOURCE_URL, publisher: TEXT.publisher },
  attribution: TEXT.attribution,
  noteEn: TEXT.noteEn,
  noteEs: TEXT.noteEs,
});

/** Writes every payload through the editors' API and publishes it (a second person publishes). */
async function publishHostileData(baseURL: string) {
  const admin = await signedIn(baseURL, ADMIN);
  for (const person of [EDITOR, REVIEWER]) await send(admin, "post", "/api/editor/users", person, 201);
  const editor = await signedIn(baseURL, EDITOR);
  const reviewer = await signedIn(baseURL, REVIEWER);
  const publish = (draft: { id: string; version: number }) =>
    send(reviewer, "post", `/api/editor/observations/${draft.id}/publish`, { version: draft.version }, 200);
  // Reference data is proposed with a reason (shown on the change log) and applied by a second person.
  const propose = async (path: string, data: unknown) => {
    const proposal = await send(editor, "post", path, { data, reason: TEXT.correction }, 202);
    await send(reviewer, "post", `/api/editor/reference-changes/${proposal.id}/apply`, {}, 200);
  };

  await propose("/api/editor/indicators", {
    slug: SLUG,
    nameEn: TEXT.nameEn,
    nameEs: TEXT.nameEs,
    descriptionEn: TEXT.descriptionEn,
    descriptionEs: TEXT.descriptionEs,
    unit: TEXT.unit,
    theme: "public_opinion",
    valueKind: "point_in_time_count",
  });
  const official = await publish(
    await send(editor, "post", "/api/editor/observations", figure({ name: TEXT.ministry, type: "government" }, "1000", "2022-01-01"), 201),
  );
  await publish(await send(editor, "post", "/api/editor/observations", figure({ name: TEXT.ngo, type: "ngo" }, "1500", "2022-01-01"), 201));
  const retracted = await publish(
    await send(editor, "post", "/api/editor/observations", figure({ name: TEXT.newspaper, type: "media" }, "1300", "2023-01-01"), 201),
  );
  const proposal = await send(
    editor,
    "patch",
    `/api/editor/observations/${official.id}`,
    {
      version: official.version,
      observation: figure({ name: TEXT.ministry, type: "government" }, "1100", "2023-01-01"),
      reason: TEXT.correction,
    },
    200,
  );
  await publish(proposal);
  await send(
    reviewer,
    "post",
    `/api/editor/observations/${retracted.id}/retract`,
    { version: retracted.version, reason: TEXT.retraction },
    200,
  );
  await propose("/api/editor/framings", {
    indicatorSlug: SLUG,
    producer: { name: TEXT.ministry, type: "government" },
    sourceUrl: SOURCE_URL,
    summaryEn: TEXT.framingEn,
    summaryEs: TEXT.framingEs,
  });
  await propose("/api/editor/events", {
    kind: "report",
    startsOn: "2022-06-15",
    datePrecision: "day",
    titleEn: TEXT.eventEn,
    titleEs: TEXT.eventEs,
    dateNote: TEXT.dateNote,
    sourceUrl: SOURCE_URL,
    // A chart shows the events of its own indicator only.
    indicatorSlugs: [SLUG],
  });
  await Promise.all([admin.dispose(), editor.dispose(), reviewer.dispose()]);
}

/** Records what a payload would leave behind if it ran: the flag, a refused inline handler. */
function watch(page: Page) {
  const refusals: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|load)/i.test(message.text())) refusals.push(message.text());
  });
  page.on("dialog", (dialog) => {
    refusals.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return refusals;
}

/** What a payload that ran, or became markup, leaves in the document. */
const inspect = (page: Page) =>
  page.evaluate(() => ({
    pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null,
    images: document.querySelectorAll('img[src="x"]').length,
    frames: document.querySelectorAll("iframe").length,
    handlers: [...document.querySelectorAll("*")].filter((element) =>
      [...element.attributes].some((attribute) => attribute.name.startsWith("on") && attribute.value.includes("__pwned")),
    ).length,
    scripts: [...document.scripts].filter((script) => script.textContent?.trim() === "window.__pwned=1").length,
  }));

async function expectInert(page: Page, where: string, refusals: string[]) {
  await page.waitForLoadState("load");
  expect(await inspect(page), where).toEqual({ pwned: null, images: 0, frames: 0, handlers: 0, scripts: 0 });
  expect(refusals, `${where}: nothing tried to run`).toEqual([]);
}

async function visit(page: Page, path: string, refusals: string[]) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  const html = await response!.text();
  for (const raw of RAW) expect(html.includes(raw), `${path} carries ${raw} as markup`).toBe(false);
  await expectInert(page, path, refusals);
}

/** The payload is on the page as text a reader sees. */
const shows = (page: Page, text: string) =>
  expect(page.getByText(text, { exact: false }).filter({ visible: true }).first(), text).toBeVisible();

test("script, HTML and SVG typed by editors stay text on every page, embed, feed, export and download", async ({ page, baseURL }) => {
  test.setTimeout(180_000);
  await test.step("the checks notice a payload that runs or becomes markup", async () => {
    await page.setContent(`<p>${Object.values(XSS).join(" ")}</p>`);
    await expect.poll(async () => (await inspect(page)).pwned).toBe(1);
    expect(await inspect(page)).toMatchObject({ images: 1, frames: 1, handlers: 2, scripts: 1 });
  });
  await test.step("editors write payloads into every text field and publish them", () => publishHostileData(baseURL!));
  const refusals = watch(page);

  await test.step("overview", async () => {
    await visit(page, "/en", refusals);
    await shows(page, TEXT.nameEn);
    await visit(page, "/es", refusals);
    await shows(page, TEXT.nameEs);
  });

  await test.step("the indicator page: chart, framings, definitions, figures", async () => {
    await visit(page, `/en/indicators/${SLUG}`, refusals);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(TEXT.nameEn);
    for (const text of [
      TEXT.descriptionEn,
      TEXT.framingEn,
      TEXT.ministry,
      TEXT.ngo,
      TEXT.publisher,
      TEXT.noteEn,
      TEXT.attribution,
      TEXT.retraction,
      TEXT.eventEn,
    ])
      await shows(page, text);
    // The chart's own labels carry the names as SVG text, and its points reveal them on focus.
    const chart = page.getByTestId("chart-svg");
    await expect(chart.locator("title").filter({ hasText: TEXT.ngo }).first()).toBeAttached();
    for (const point of await chart.locator(".chart-point").all()) await point.focus();
    await expectInert(page, "chart points focused", refusals);
    // The zoomable chart draws the same names with client-side code.
    await page.getByTestId("explore-button").click();
    await expect(page.getByTestId("chart-explorer")).toBeVisible();
    await expectInert(page, "zoomable chart opened", refusals);
    await page.getByTestId("embed-button").click();
    await expect(page.getByTestId("embed-code")).toHaveValue(/&lt;script>window\.__pwned=1&lt;\/script>/);
    await expectInert(page, "embed code shown", refusals);
  });

  await test.step("the table view, in both languages", async () => {
    await visit(page, `/en/indicators/${SLUG}?view=table`, refusals);
    for (const text of [TEXT.ministry, TEXT.newspaper, TEXT.noteEn, TEXT.retraction]) await shows(page, text);
    await visit(page, `/es/indicators/${SLUG}?view=table`, refusals);
    for (const text of [TEXT.nameEs, TEXT.descriptionEs, TEXT.framingEs, TEXT.noteEs]) await shows(page, text);
  });

  await test.step("the chart exports: SVG and PNG", async () => {
    await page.goto(`/en/indicators/${SLUG}`);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-svg").click()]);
    const svg = (await (await download.createReadStream()).toArray()).join("");
    for (const raw of RAW) expect(svg.includes(raw), `the SVG carries ${raw} as markup`).toBe(false);
    const parsed = await page.evaluate((text) => {
      const document = new DOMParser().parseFromString(text, "image/svg+xml");
      return {
        wellFormed: document.querySelector("parsererror") === null,
        dangerous: document.querySelectorAll("script, foreignObject, iframe, img, image, a").length,
        handlers: [...document.querySelectorAll("*")].filter((element) =>
          [...element.attributes].some((attribute) => attribute.name.startsWith("on")),
        ).length,
        text: document.documentElement.textContent ?? "",
      };
    }, svg);
    expect(parsed).toMatchObject({ wellFormed: true, dangerous: 0, handlers: 0 });
    expect(parsed.text).toContain(TEXT.nameEn);
    expect(parsed.text).toContain(TEXT.ngo);
    // Opened on its own, as a reader double-clicking the file would, it runs nothing either.
    await page.route("http://svg.example/chart.svg", (route) => route.fulfill({ contentType: "image/svg+xml", body: svg }));
    await page.goto("http://svg.example/chart.svg");
    await expectInert(page, "the exported SVG opened", refusals);

    await page.goto(`/en/indicators/${SLUG}`);
    const [png] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-png").click()]);
    const bytes = Buffer.concat(await (await png.createReadStream()).toArray());
    expect(bytes.subarray(1, 4).toString()).toBe("PNG");
    await expectInert(page, "after the PNG export", refusals);
  });

  await test.step("the embed", async () => {
    await visit(page, `/en/embed/${SLUG}`, refusals);
    await shows(page, TEXT.nameEn);
    await expect(page.getByTestId("chart-svg").locator("title").filter({ hasText: TEXT.ministry }).first()).toBeAttached();
  });

  await test.step("events, sources and the change log", async () => {
    // The events page is paged, newest first; the indicator's own events fit on one page.
    await visit(page, `/en/events?indicator=${SLUG}`, refusals);
    for (const text of [TEXT.eventEn, TEXT.dateNote, TEXT.publisher]) await shows(page, text);
    await visit(page, `/es/events?indicator=${SLUG}`, refusals);
    await shows(page, TEXT.eventEs);
    // The sources page is paged: each payload is read on the page that lists it.
    for (const text of [TEXT.ministry, TEXT.ngo, TEXT.publisher]) {
      let listed = 0;
      for (let number = 1; number <= 40 && !listed; number += 1) {
        if ((await page.goto(`/en/sources?page=${number}`))?.status() !== 200) break;
        if (await page.getByText(text, { exact: false }).count()) listed = number;
      }
      expect(listed, text).toBeGreaterThan(0);
      await visit(page, `/en/sources?page=${listed}`, refusals);
      await shows(page, text);
    }
    await visit(page, "/en/changes", refusals);
    for (const text of [TEXT.nameEn, TEXT.ministry, TEXT.correction, TEXT.retraction, TEXT.reviewer]) await shows(page, text);
  });

  await test.step("the Atom feed", async () => {
    const response = await page.request.get("/en/changes/feed.xml");
    expect(response.headers()["content-type"]).toMatch(/^application\/atom\+xml/);
    const xml = await response.text();
    for (const raw of RAW) expect(xml.includes(raw), `the feed carries ${raw} as markup`).toBe(false);
    const feed = await page.evaluate((text) => {
      const document = new DOMParser().parseFromString(text, "application/xml");
      return {
        wellFormed: document.querySelector("parsererror") === null,
        foreign: [...document.querySelectorAll("*")]
          .filter((element) => element.namespaceURI !== "http://www.w3.org/2005/Atom")
          .map((element) => element.nodeName),
        text: document.documentElement.textContent ?? "",
      };
    }, xml);
    expect(feed).toMatchObject({ wellFormed: true, foreign: [] });
    for (const text of [TEXT.nameEn, TEXT.correction, TEXT.retraction, TEXT.reviewer, TEXT.ministry]) expect(feed.text).toContain(text);
    // Opened in the browser it is shown as XML (or saved, where the browser prefers to): never run.
    const opened = await page.goto("/en/changes/feed.xml").catch((error: Error) => error);
    if (opened instanceof Error) expect(opened.message).toMatch(/Download is starting/);
    else await expectInert(page, "the feed opened in the browser", refusals);
  });

  await test.step("the JSON and CSV downloads", async () => {
    const api = `/api/v1/indicators/${SLUG}/observations?includeRetracted=true`;
    const json = (await (await page.request.get(api)).json()) as {
      data: { producer: { name: string }; note: { en: string }; attribution: string; retractionReason: string | null }[];
    };
    expect(json.data.map((row) => row.producer.name).sort()).toEqual([TEXT.ministry, TEXT.newspaper, TEXT.ngo].sort());
    expect(json.data.every((row) => row.note.en === TEXT.noteEn && row.attribution === TEXT.attribution)).toBe(true);
    expect(json.data.map((row) => row.retractionReason)).toContain(TEXT.retraction);
    await page.goto(api);
    await expectInert(page, "the JSON opened in the browser", refusals);

    const rows = parse(await (await page.request.get(`${api}&format=csv`)).text(), { columns: true }) as Record<string, string>[];
    expect(rows.map((row) => row.noteEn)).toEqual([TEXT.noteEn, TEXT.noteEn, TEXT.noteEn]);
    // The formula is defused with a leading apostrophe; no cell starts one.
    expect(rows.map((row) => row.noteEs)).toEqual([`'${TEXT.noteEs}`, `'${TEXT.noteEs}`, `'${TEXT.noteEs}`]);
    for (const cell of rows.flatMap((row) => Object.values(row)))
      expect(/^[=+\-@\t\r]/.test(cell) && !/^-?\d+(\.\d+)?$/.test(cell), cell).toBe(false);
    const indicator = (await (await page.request.get(`/api/v1/indicators/${SLUG}`)).json()).data;
    expect(indicator).toMatchObject({
      name: { en: TEXT.nameEn, es: TEXT.nameEs },
      description: { en: TEXT.descriptionEn },
      unit: TEXT.unit,
    });
    expect(indicator.framings[0].summary).toEqual({ en: TEXT.framingEn, es: TEXT.framingEs });
  });
});
