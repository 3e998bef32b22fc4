import { readdirSync, readFileSync } from "node:fs";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBenchDatabase, type BenchDatabase } from "@/scripts/bench/databases";
import { startApp, type RunningApp } from "@/scripts/bench/app-server";
import { prepareDatabase } from "../../server/database/prepare";
import { observationInput } from "../editor-fixtures";
import { firstAdminCookie } from "./first-admin";

// Issue 12, finding 4: after a 100,000-row import the dashboard was a 106 MB page that took 42 s, the
// review queue ran the server out of heap, and npm start did not come back. Here: the import goes
// through the real import route, then every editor page is asked for while a prober asks
// /api/health again and again; then the web server is killed outright and must come back by itself.
// Runs `npm start` (scripts/serve.ts, the supervisor) on the production build (npm run test:faults;
// NEXT_DIST_DIR picks another build folder).

const ROWS = 100_000;
const PAGE_LIMIT_BYTES = 1_000_000;
// How the event loop is judged, without a clock limit: a prober asks /api/health back to back while
// the pages render one after another. A page that held the event loop for its whole render would
// answer no probe until it was done: its render would pass in one silence. Renders that await the
// database leave the loop free, and probes keep being answered all through them. The silence is
// measured against the render's own length, and only renders long enough (in probe round trips
// measured in the same run, the server idle) to tell are judged, so a slower or busier machine
// changes both sides alike.
const LONGEST_SILENCE_SHARE = 0.8;
const JUDGED_RENDER_IN_IDLE_PROBES = 20;
const HEADER = "indicator,value,asOf,datePrecision,producer,producerType,sourceUrl,publisher";
const mapping = Object.fromEntries(HEADER.split(",").map((field) => [field, field]));
// Thousands of producers and sources too: their lists and the figure form's suggestions must stay bounded as well.
const rows = Array.from(
  { length: ROWS },
  (_, i) =>
    `homicide_rate,${i}.5,2025-${String((i % 12) + 1).padStart(2, "0")}-01,month,Import Load Observatory ${i % 5000},academic,https://example.org/import-load-${i % 20_000},Example Publisher`,
);

let database: BenchDatabase;
let app: RunningApp;
let cookie: string;

async function query<Row extends object>(sql: string, values: unknown[] = []): Promise<Row[]> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    return (await client.query<Row>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

const draftCount = async () =>
  Number((await query<{ drafts: string }>(`SELECT count(*) AS drafts FROM "Observation" WHERE status = 'draft'`))[0]!.drafts);

/**
 * Imports the rows through POST /api/editor/imports in one file; should the route's size limit
 * refuse a file that large (413), in halves, as an editor would split it.
 */
async function importRows(part: string[]): Promise<void> {
  const response = await fetch(`${app.url}/api/editor/imports`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie },
    body: JSON.stringify({ csv: [HEADER, ...part].join("\n"), mapping }),
  });
  if (response.status === 413 && part.length > 1000) {
    await response.arrayBuffer();
    const middle = Math.ceil(part.length / 2);
    await importRows(part.slice(0, middle));
    await importRows(part.slice(middle));
    return;
  }
  expect(response.status, await response.clone().text()).toBe(201);
  await response.arrayBuffer();
}

type Probe = { status: number; started: number; ended: number };
type Render = { path: string; status: number; bytes: number; started: number; ended: number; body: string };

/** Asks /api/health again as soon as it answers, until stopped; each answer's status and when it was asked and answered. */
function probeHealth(url: string) {
  const probes: Probe[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const started = performance.now();
      const status = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(60_000) }).then(
        async (response) => (await response.arrayBuffer(), response.status),
        () => 0,
      );
      probes.push({ status, started, ended: performance.now() });
    }
  })();
  return async () => {
    running = false;
    await loop;
    return probes;
  };
}

/**
 * The longest stretch of a render during which no probe was answered, as a share of the render: about
 * 1 when the page held the event loop throughout, small when probes kept being answered.
 */
function longestSilenceShare(render: { started: number; ended: number }, probes: { ended: number }[]): number {
  const answered = probes
    .map((probe) => probe.ended)
    .filter((ended) => ended > render.started && ended < render.ended)
    .sort((a, b) => a - b);
  let longest = 0;
  let previous = render.started;
  for (const ended of [...answered, render.ended]) {
    longest = Math.max(longest, ended - previous);
    previous = ended;
  }
  return longest / (render.ended - render.started);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

/** The process of the web server that npm start runs for this port (serve.ts's child). */
function webServerPids(port: string): number[] {
  return readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        const command = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
        if (!command.some((part) => part.endsWith("scripts/web-server.ts"))) return false;
        return readFileSync(`/proc/${pid}/environ`, "utf8").split("\0").includes(`PORT=${port}`);
      } catch {
        return false; // gone meanwhile, or not ours
      }
    })
    .map(Number);
}

/** Saves a figure, kills the web server with SIGKILL, and waits for npm start to bring it back with the figure. */
async function killWebServerAndExpectItBack(running: RunningApp, session: string) {
  const port = new URL(running.url).port;
  const saved = await fetch(`${running.url}/api/editor/observations`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie: session },
    body: JSON.stringify(
      observationInput({
        indicatorSlug: "homicide_rate",
        value: "4242.5",
        producer: { name: "Supervisor Check Observatory", type: "academic" },
      }),
    ),
  });
  expect(saved.status).toBe(201);
  const { data } = (await saved.json()) as { data: { id: string } };

  const [killed] = webServerPids(port);
  expect(killed).toBeDefined();
  process.kill(killed!, "SIGKILL");
  const isBack = async () =>
    (await fetch(`${running.url}/api/health`).then(
      (response) => response.status,
      () => 0,
    )) === 200 && webServerPids(port).some((pid) => pid !== killed);
  await expect.poll(isBack, { timeout: 90_000, interval: 250 }).toBe(true);

  // The new web server may answer 503 for a moment while it connects to the database (server/database-watch.ts).
  const figurePage = async () => {
    const response = await fetch(`${running.url}/es/editor/observations/${data.id}`, { headers: { cookie: session } }).catch(() => null);
    return response?.status === 200 ? await response.text() : `status ${response?.status}`;
  };
  await expect.poll(figurePage, { timeout: 60_000, interval: 500 }).toContain("Supervisor Check Observatory");
}

beforeAll(async () => {
  database = await createBenchDatabase();
  await prepareDatabase(database.url, () => {});
  app = await startApp({ databaseUrl: database.url });
  cookie = await firstAdminCookie(app.url);
}, 180_000);

afterAll(async () => {
  await app?.stop();
  await database?.drop();
});

describe("npm start on PostgreSQL after a 100,000-row import", () => {
  it("answers every editor page, each under 1 MB, while /api/health keeps answering through every render", async () => {
    await importRows(rows);
    expect(await draftCount()).toBe(ROWS);
    const [draft] = await query<{ id: string }>(
      `SELECT id FROM "Observation" WHERE status = 'draft' ORDER BY "createdAt" DESC, id DESC LIMIT 1`,
    );

    const pages = [
      "/es/editor",
      "/en/editor",
      "/es/editor?page=2",
      "/es/editor?page=2000",
      "/es/editor/review",
      "/en/editor/review",
      "/es/editor/review?page=2",
      "/es/editor/review?page=2000",
      "/es/editor/observations",
      "/es/editor/observations?page=2000",
      "/es/editor/observations?q=Observatory",
      "/es/editor/observations/new",
      `/es/editor/observations/${draft!.id}`,
      "/es/editor/import",
      "/es/editor/account",
      "/es/editor/admin/users",
      "/es/editor/admin/tokens",
      "/es/editor/reference",
      "/es/editor/reference/sources",
      "/es/editor/reference/sources?page=400",
      "/es/editor/reference/producers",
      "/es/editor/reference/producers?page=100",
      "/es/editor/reference/indicators",
      "/es/editor/reference/framings",
      "/es/editor/reference/events",
      "/es/editor/reference/review",
    ];
    // Once before measuring: the first request of each route loads its code.
    for (const path of pages.slice(0, 2)) await (await fetch(`${app.url}${path}`, { headers: { cookie } })).arrayBuffer();

    // The probes' round trip with no page being asked for, on this machine now: what a render is long enough to judge by.
    const stopIdleProbing = probeHealth(app.url);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const idleProbes = await stopIdleProbing();
    const idleRoundTrip = median(idleProbes.map((probe) => probe.ended - probe.started));

    const stopProbing = probeHealth(app.url);
    const answers: Render[] = [];
    for (const path of pages) {
      const started = performance.now();
      const response = await fetch(`${app.url}${path}`, { headers: { cookie }, redirect: "manual" });
      const body = await response.text();
      answers.push({ path, status: response.status, bytes: Buffer.byteLength(body), started, ended: performance.now(), body });
    }
    const probes = await stopProbing();
    // Judged: the slower half of the renders (those the 100,000 rows weigh on; a quick page that renders
    // in one go holds no one up), when long enough to tell against the probes' idle round trip.
    const slowerHalf = median(answers.map((answer) => answer.ended - answer.started));
    const judged = answers.filter(
      (answer) =>
        answer.ended - answer.started >= slowerHalf && answer.ended - answer.started >= JUDGED_RENDER_IN_IDLE_PROBES * idleRoundTrip,
    );
    const silences = judged.map((answer) => ({ path: answer.path, silence: longestSilenceShare(answer, probes) }));
    console.log(
      JSON.stringify({
        pages: answers.map(({ path, status, bytes, started, ended }) => ({ path, status, bytes, ms: Math.round(ended - started) })),
        idleRoundTripMs: Math.round(idleRoundTrip * 10) / 10,
        probes: probes.length,
        silences: silences.map(({ path, silence }) => ({ path, silence: Math.round(silence * 100) / 100 })),
      }),
    );

    for (const answer of answers) {
      expect({ path: answer.path, status: answer.status }).toEqual({ path: answer.path, status: 200 });
      expect(answer.bytes, answer.path).toBeLessThan(PAGE_LIMIT_BYTES);
    }
    // The lists say how far they go and link onwards, by address.
    const review = answers.find((answer) => answer.path === "/es/editor/review")!.body;
    expect(review).toContain("1–50 de más de 10.000");
    expect(review).toContain('href="/es/editor/review?page=2"');
    // Pages go as far as the count's cap (lib/observations/bounded-page.ts): a page beyond it shows the
    // last reachable one and says how to reach the rest (Spanish groups no four-digit number).
    const beyondReach = "Las páginas llegan hasta las primeras 10.000 filas";
    const deepReview = answers.find((answer) => answer.path === "/es/editor/review?page=2000")!.body;
    expect(deepReview).toContain("9951–10.000 de más de 10.000");
    expect(deepReview).toContain(beyondReach);
    const figures = answers.find((answer) => answer.path === "/es/editor/observations")!.body;
    expect(figures).toContain("1–50 de más de 10.000");
    expect(figures).toContain('href="/es/editor/observations?page=2"');
    const deepFigures = answers.find((answer) => answer.path === "/es/editor/observations?page=2000")!.body;
    expect(deepFigures).toContain("9951–10.000 de más de 10.000");
    expect(deepFigures).toContain(beyondReach);
    const deepDashboard = answers.find((answer) => answer.path === "/es/editor?page=2000")!.body;
    expect(deepDashboard).toContain("9951–10.000 de más de 10.000");
    expect(deepDashboard).toContain(beyondReach);

    expect(probes.filter((probe) => probe.status !== 200)).toEqual([]);
    // The heaviest lists take many probe round trips to render, so there is something to judge; in
    // none of them did the probes fall silent for (nearly) the whole render.
    expect(judged.length).toBeGreaterThanOrEqual(3);
    expect(silences.filter(({ silence }) => silence >= LONGEST_SILENCE_SHARE)).toEqual([]);
  }, 600_000);

  it("starts the web server again by itself when it is killed, and keeps what it had acknowledged", async () => {
    await killWebServerAndExpectItBack(app, cookie);
    expect(await draftCount()).toBe(ROWS + 1);
  }, 180_000);
});

// On a laptop npm start keeps the embedded database inside the supervising process: it stays up
// while the web server dies and comes back, and the sessions, drafts and history in it with it.
describe("npm start on the embedded database", () => {
  let embeddedApp: RunningApp | undefined;
  afterAll(async () => embeddedApp?.stop());

  it("starts the web server again by itself when it is killed, the database staying up, nothing acknowledged lost", async () => {
    embeddedApp = await startApp();
    await killWebServerAndExpectItBack(embeddedApp, await firstAdminCookie(embeddedApp.url));
  }, 300_000);
});
