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
// /api/health every 50 ms; then the web server is killed outright and must come back by itself.
// Runs `npm start` (scripts/serve.ts, the supervisor) on the production build (npm run test:faults;
// NEXT_DIST_DIR picks another build folder).

const ROWS = 100_000;
const PAGE_LIMIT_BYTES = 1_000_000;
// A page that held the event loop would keep the probe waiting for its whole render (seconds at this
// size); a scheduler hiccup on a two-core machine costs a few hundred milliseconds and is not that.
const HEALTH_LIMIT_MS = 1000;

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

/** Asks /api/health every 50 ms until stopped; each answer's status and time, in milliseconds. */
function probeHealth(url: string) {
  const probes: { status: number; ms: number }[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const started = performance.now();
      const status = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(10_000) }).then(
        async (response) => (await response.arrayBuffer(), response.status),
        () => 0,
      );
      probes.push({ status, ms: performance.now() - started });
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  return async () => {
    running = false;
    await loop;
    return probes;
  };
}

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
  it("answers every editor page, each under 1 MB, while /api/health answers every probe within a second", async () => {
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

    // For the record only: how the probes fare with no page being asked for, on this machine now.
    const stopIdleProbing = probeHealth(app.url);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const idleProbes = await stopIdleProbing();

    const stopProbing = probeHealth(app.url);
    const answers: { path: string; status: number; bytes: number; ms: number; body: string }[] = [];
    for (const path of pages) {
      const started = performance.now();
      const response = await fetch(`${app.url}${path}`, { headers: { cookie }, redirect: "manual" });
      const body = await response.text();
      answers.push({ path, status: response.status, bytes: Buffer.byteLength(body), ms: Math.round(performance.now() - started), body });
    }
    const probes = await stopProbing();
    console.log(
      JSON.stringify({
        pages: answers.map(({ path, status, bytes, ms }) => ({ path, status, bytes, ms })),
        idleSlowestProbeMs: Math.round(Math.max(...idleProbes.map((probe) => probe.ms))),
        probes: probes.length,
        slowProbesMs: probes.filter((probe) => probe.ms >= HEALTH_LIMIT_MS / 2).map((probe) => Math.round(probe.ms)),
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
    expect(answers.find((answer) => answer.path === "/es/editor/review?page=2000")!.body).toContain("99.951–100.000 de más de 10.000");
    const figures = answers.find((answer) => answer.path === "/es/editor/observations")!.body;
    expect(figures).toContain("1–50 de más de 10.000");
    expect(figures).toContain('href="/es/editor/observations?page=2"');
    expect(answers.find((answer) => answer.path === "/es/editor/observations?page=2000")!.body).toContain("de más de 10.000");
    expect(answers.find((answer) => answer.path === "/es/editor?page=2000")!.body).toContain("99.951–100.000 de más de 10.000");

    expect(probes.length).toBeGreaterThan(10);
    expect(probes.filter((probe) => probe.status !== 200)).toEqual([]);
    expect(probes.filter((probe) => probe.ms >= HEALTH_LIMIT_MS).map((probe) => Math.round(probe.ms))).toEqual([]);
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
