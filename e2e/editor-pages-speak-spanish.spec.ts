import { readdirSync } from "node:fs";
import path from "node:path";
import { expect, request as playwrightRequest, test, type APIRequestContext, type Page } from "@playwright/test";
import { signInAdmin } from "./editor-admin";

// Every page of the editor, in Spanish, says nothing in English outside data: the walk finds the
// editor's routes in app/[locale]/editor at run time (a page added later is walked too), fills each
// route's [id] with records this test creates or finds linked from the pages it walked, and reads
// the text, the names read aloud (aria-label, title, alt, placeholder) and the document's title.
// Then it walks the same addresses in English, where no Spanish sentence may be left.

const RUN = Date.now().toString(36);
const EDITOR = {
  email: `walk-editor-${RUN}@example.org`,
  displayName: `Edith Walker ${RUN}`,
  password: "walk editor password 42",
  role: "editor",
};

// Common words of the editor's English interface; none is also a Spanish word. Months and weekdays
// catch dates written the English way.
const ENGLISH = [
  "the",
  "and",
  "of",
  "with",
  "from",
  "for",
  "to",
  "is",
  "are",
  "this",
  "your",
  "you",
  "figures?",
  "drafts?",
  "published",
  "retracted",
  "superseded",
  "discarded",
  "pending",
  "applied",
  "rejected",
  "withdrawn",
  "save",
  "edit",
  "cancel",
  "sign",
  "password",
  "email",
  "name",
  "role",
  "reviewer",
  "review",
  "reference",
  "import",
  "indicators?",
  "producers?",
  "sources?",
  "publisher",
  "add",
  "new",
  "delete",
  "publish",
  "retract",
  "revoke",
  "revoked",
  "active",
  "created",
  "updated",
  "status",
  "government",
  "academic",
  "ngo",
  "intergovernmental",
  "year",
  "month",
  "day",
  "exact",
  "about",
  "nearly",
  "at_least",
  "more_than",
  "up_to",
  "dashboard",
  "account",
  "history",
  "next",
  "previous",
  "page",
  "last",
  "first",
  "none",
  "never",
  "loading",
  "back",
  "open",
  "close",
  "search",
  "batch",
  "send",
  "discard",
  "only",
  "not",
  "found",
  "something",
  "went",
  "wrong",
  "again",
  "users?",
  "expires",
  "used",
  "events?",
  "changes?",
  "reason",
  "value",
  "date",
  "title",
  "proposal",
  "proposed",
  "reject",
  "withdraw",
  "apply",
  "official",
  "independent",
  "show",
  "hide",
  "download",
  "file",
  "check",
  "choose",
  "required",
  "optional",
  "version",
  "decree",
  "renewal",
  "report",
  "policy",
  "other",
  "January",
  "February",
  "March",
  "April",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
  "Jan",
  "Apr",
  "Aug",
  "Dec",
  "Monday",
  "Tuesday",
  "Wednesday",
  "Thursday",
  "Friday",
  "Saturday",
  "Sunday",
];
const WORD = new RegExp(`(?<![\\p{L}\\d_])(${ENGLISH.join("|")})(?![\\p{L}\\d_])`, "iu");

// Common words of the editor's Spanish interface that are not English words, for the English pages.
const SPANISH = [
  "del",
  "los",
  "las",
  "una",
  "cifras?",
  "borradores?",
  "publicadas?",
  "guardar",
  "cambios?",
  "fuentes?",
  "productor(es)?",
  "usted",
  "página",
  "revisión",
  "nada",
  "todos",
  "añadir",
  "entrar",
  "contraseña",
  "correo",
  "nombre",
  "fecha",
  "motivo",
  "ningún",
  "sesión",
  "cuenta",
  "editar",
  "está",
  "esta",
  "para",
  "hay",
  "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre",
];
const SPANISH_WORD = new RegExp(`(?<![\\p{L}\\d_])(${SPANISH.join("|")})(?![\\p{L}\\d_])`, "iu");

const EDITOR_APP = path.join(process.cwd(), "app", "[locale]", "editor");

/** The editor's routes, from its page.tsx files: "/editor/reference/sources/[id]". */
function editorRoutes(directory = EDITOR_APP, route = "/editor"): string[] {
  const routes: string[] = [];
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    if (entry.isFile() && entry.name === "page.tsx") routes.push(route);
    // A route group "(name)" adds nothing to the address.
    if (entry.isDirectory())
      routes.push(...editorRoutes(path.join(directory, entry.name), /^\(.*\)$/.test(entry.name) ? route : `${route}/${entry.name}`));
  }
  return routes.sort();
}

const isDynamic = (route: string) => /\[[^\]]+\]/.test(route);
/** Matches an address of a dynamic route: "[id]" is one path segment other than "new". */
const routePattern = (route: string) =>
  new RegExp(`^/es${route.replace(/\[\[?\.\.\.[^\]]+\]\]?/g, ".+").replace(/\[[^\]]+\]/g, "(?!new$)[^/?#]+")}$`);

/** What the page says itself: text, names read aloud, and its title; data (data-quoted, another lang, code, what was typed) is left out. */
async function ownText(page: Page, language = "es"): Promise<string[]> {
  return page.evaluate((language) => {
    const OTHER_LANGUAGE = `[lang]:not([lang="${language}"])`;
    const DATA = `${OTHER_LANGUAGE}, [data-quoted], code, pre, script, style, noscript, textarea`;
    const texts: string[] = [document.title];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      const text = (node.textContent ?? "").replace(/\s+/g, " ").trim();
      if (!parent || !text) continue;
      if (parent.closest(DATA)) continue;
      if (parent.tagName !== "OPTION") {
        const box = parent.getBoundingClientRect();
        if (box.width === 0 && box.height === 0) continue;
        if (getComputedStyle(parent).visibility === "hidden") continue;
      }
      texts.push(text);
    }
    // A label may name data ("Abrir Tasa de homicidios, 10,4"): the data the page marks as quoted
    // anywhere is taken out of it, and what is left must be Spanish.
    const quoted = [...new Set([...document.querySelectorAll("[data-quoted]")].map((element) => (element.textContent ?? "").trim()))]
      .filter(Boolean)
      .sort((a, b) => b.length - a.length);
    const withoutQuoted = (label: string) => quoted.reduce((rest, data) => rest.split(data).join(" "), label);
    for (const element of document.querySelectorAll("[aria-label], [title], [alt], [placeholder]")) {
      if (element.closest(`${OTHER_LANGUAGE}, [data-quoted]`)) continue;
      for (const name of ["aria-label", "title", "alt", "placeholder"]) {
        const value = element.getAttribute(name);
        if (value) texts.push(withoutQuoted(value));
      }
    }
    return texts;
  }, language);
}

async function expectSpanish(page: Page, address: string) {
  const response = await page.goto(address);
  expect(response?.status() ?? 0, `${address} answers`).toBeLessThan(500);
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  const english = (await ownText(page)).filter((text) => WORD.test(text)).map((text) => `${text.match(WORD)?.[0]}: ${text}`);
  expect.soft(english, `English on ${address}`).toEqual([]);
}

/** The same page in English: nothing Spanish outside data. */
async function expectEnglish(page: Page, address: string) {
  const response = await page.goto(address);
  expect(response?.status() ?? 0, `${address} answers`).toBeLessThan(500);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  const spanish = (await ownText(page, "en"))
    .filter((text) => SPANISH_WORD.test(text))
    .map((text) => `${text.match(SPANISH_WORD)?.[0]}: ${text}`);
  expect.soft(spanish, `Spanish on ${address}`).toEqual([]);
}

async function ok<T>(response: Promise<import("@playwright/test").APIResponse>, status: number): Promise<T> {
  const answer = await response;
  expect(answer.status(), await answer.text()).toBe(status);
  return ((await answer.json()) as { data: T }).data;
}

type Figure = { id: string; version: number };

/** Records that make the lists non-empty: a draft, a published figure, its pending correction, a retracted figure, a reference proposal, a token and a source domain. */
async function createRecords(admin: APIRequestContext, editor: APIRequestContext): Promise<string[]> {
  const figure = (value: string) => ({
    indicatorSlug: "homicide_rate",
    value,
    qualifier: "about",
    asOf: "2031-01-01",
    datePrecision: "year",
    producer: { name: `Observatorio Recorrido ${RUN}`, type: "ngo" },
    source: { url: `https://example.org/recorrido-${RUN}`, publisher: "Boletín Recorrido" },
    noteEn: "Counted by the team from the weekly bulletins.",
  });
  const draft = await ok<Figure>(editor.post("/api/editor/observations", { data: figure("7.1") }), 201);
  const toCorrect = await ok<Figure>(editor.post("/api/editor/observations", { data: figure("7.2") }), 201);
  const published = await ok<Figure>(
    admin.post(`/api/editor/observations/${toCorrect.id}/publish`, { data: { version: toCorrect.version } }),
    200,
  );
  const correction = await ok<Figure>(
    editor.patch(`/api/editor/observations/${published.id}`, {
      data: {
        version: published.version,
        observation: { ...figure("7.3"), qualifier: "at_least" },
        reason: "El boletín corrigió la cifra.",
      },
    }),
    200,
  );
  const toRetract = await ok<Figure>(editor.post("/api/editor/observations", { data: figure("7.4") }), 201);
  const live = await ok<Figure>(
    admin.post(`/api/editor/observations/${toRetract.id}/publish`, { data: { version: toRetract.version } }),
    200,
  );
  await ok(
    admin.post(`/api/editor/observations/${live.id}/retract`, { data: { version: live.version, reason: "La fuente retiró el boletín." } }),
    200,
  );
  await ok(
    editor.post("/api/editor/events", {
      data: {
        data: {
          kind: "report",
          startsOn: "2031-02-01",
          datePrecision: "month",
          titleEs: `Informe del recorrido ${RUN}`,
          titleEn: `Walk report ${RUN}`,
          sourceUrl: `https://example.org/informe-${RUN}`,
          appliesToAll: true,
        },
        reason: "Un informe nuevo que concierne a todas las cifras.",
      },
    }),
    202,
  );
  await ok(admin.post("/api/editor/tokens", { data: { name: `sincronización ${RUN}` } }), 201);
  await ok(
    admin.post("/api/editor/source-domains", {
      data: { domain: `recorrido-${RUN}.example.org`, sourceClass: "press", note: "Boletín del recorrido" },
    }),
    201,
  );
  return [draft.id, published.id, correction.id, live.id];
}

test("every editor page speaks Spanish at /es, and English at /en", async ({ page, browser, baseURL }) => {
  test.setTimeout(480_000);
  const routes = editorRoutes();
  expect(routes, "the editor's pages are found").toContain("/editor/reference/sources/[id]");

  // On a database with no account yet this is the first-run form; otherwise the page is not found.
  await test.step("first run", async () => {
    const stranger = await browser.newPage();
    await expectSpanish(stranger, "/es/editor/setup");
    await stranger.close();
  });
  await signInAdmin(page.request);
  await test.step("signed out: sign-in and a refused sign-in", async () => {
    const stranger = await browser.newPage();
    await expectSpanish(stranger, "/es/editor/sign-in");
    // A refusal from the server is told in Spanish too, never as the API's English message.
    await stranger.getByLabel("Correo electrónico").fill(`nadie-${RUN}@example.org`);
    await stranger.getByLabel("Contraseña").fill("una contraseña equivocada");
    await stranger.getByRole("button", { name: "Entrar" }).click();
    await expect(stranger.locator("form").getByRole("alert")).toHaveText("El correo o la contraseña no son correctos.");
    expect((await ownText(stranger)).filter((text) => WORD.test(text))).toEqual([]);
    // Once someone has an account, the first-run page is not found (in Spanish too).
    await expectSpanish(stranger, "/es/editor/setup");
    await stranger.close();
  });

  const admin = page.request;
  const editorRequest = await playwrightRequest.newContext({ baseURL });
  const editorUser = await ok<{ id: string }>(admin.post("/api/editor/users", { data: EDITOR }), 201);
  await ok(editorRequest.post("/api/editor/session", { data: { email: EDITOR.email, password: EDITOR.password } }), 200);
  const figureIds = await createRecords(admin, editorRequest);
  await editorRequest.dispose();
  // A one-time password link as an admin hands it on, and one that names no link (the page says why it cannot be used).
  const reset = await ok<{ path: string }>(
    admin.post(`/api/editor/users/${editorUser.id}/password-reset`, { data: { locale: "es" } }),
    201,
  );

  // Static routes first: their links are where the dynamic routes' ids are found.
  const links = new Set<string>([
    ...figureIds.map((id) => `/es/editor/observations/${id}`),
    reset.path,
    "/es/editor/reset-password/no-such-link",
  ]);
  const walked: string[] = [];
  for (const route of routes.filter((route) => !isDynamic(route))) {
    walked.push(`/es${route}`);
    await test.step(`/es${route}`, async () => {
      await expectSpanish(page, `/es${route}`);
      for (const href of await page
        .locator("a[href^='/es/editor/']")
        .evaluateAll((anchors) => anchors.map((a) => a.getAttribute("href")!))) {
        links.add(href.split(/[?#]/)[0]!);
      }
    });
  }
  for (const route of routes.filter(isDynamic)) {
    const pattern = routePattern(route);
    // Up to three records of each kind: enough to meet each status without walking every record.
    const addresses = [...links].filter((href) => pattern.test(href)).slice(0, route === "/editor/observations/[id]" ? 8 : 3);
    expect(addresses, `a record to open at ${route}`).not.toEqual([]);
    walked.push(...addresses);
    for (const address of addresses) await test.step(address, () => expectSpanish(page, address));
  }

  // The English editor is the same pages in the other language: none keeps a Spanish sentence.
  for (const address of walked) {
    const english = address.replace(/^\/es\//, "/en/");
    await test.step(english, () => expectEnglish(page, english));
  }
});
