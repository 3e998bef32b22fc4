import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, startApp, type RunningApp } from "@/scripts/bench/app-server";
import { prepareDatabase } from "../../server/database/prepare";
import { firstAdminCookie } from "./first-admin";
import { createPrivatePostgres, type PrivatePostgres } from "./private-postgres";

// Stops PostgreSQL under a running app while editors write and readers read, then starts it again.
// Needs the production build (npm run build) and root; runs as `npm run test:faults`, from .ci/run.

let cluster: PrivatePostgres;
let app: RunningApp;
let baseUrl: string;
let cookie: string;

type Outcome = { at: number; kind: "write" | "read"; status: number; retryAfter: string | null; cache?: string | null; id?: string };

beforeAll(async () => {
  cluster = createPrivatePostgres(await freePort());
  await prepareDatabase(cluster.url, () => {});
  app = await startApp({ databaseUrl: cluster.url, direct: true });
  baseUrl = app.url;
  cookie = await firstAdminCookie(baseUrl);
}, 120_000);

afterAll(async () => {
  await app?.stop();
  cluster?.remove();
});

const draft = (n: number) => ({
  indicatorSlug: "homicide_rate",
  value: String(1000 + n),
  asOf: "2026-01-01",
  datePrecision: "year",
  producer: { name: "Synthetic Fault Observatory", type: "academic" },
  source: { url: `https://example.org/synthetic-fault-${n}`, publisher: "Example Publisher" },
});

describe("PostgreSQL stops and starts under load", () => {
  it("answers 503 with Retry-After while it is down, recovers by itself within 5 s, and loses no acknowledged edit", async () => {
    const outcomes: Outcome[] = [];
    let running = true;
    let counter = 0;
    let reads = 0;
    const writer = async () => {
      while (running) {
        const n = (counter += 1);
        const response = await fetch(`${baseUrl}/api/editor/observations`, {
          method: "POST",
          headers: { "content-type": "application/json", cookie },
          body: JSON.stringify(draft(n)),
        });
        const body = (await response.json().catch(() => ({}))) as { data?: { id: string } };
        outcomes.push({
          at: Date.now(),
          kind: "write",
          status: response.status,
          retryAfter: response.headers.get("retry-after"),
          id: body.data?.id,
        });
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    const reader = async () => {
      while (running) {
        // A new address each time, so the cache cannot answer and every read needs the database.
        const response = await fetch(`${baseUrl}/api/v1/indicators/homicide_rate/observations?limit=${1 + ((reads += 1) % 1000)}`);
        await response.arrayBuffer();
        outcomes.push({
          at: Date.now(),
          kind: "read",
          status: response.status,
          retryAfter: response.headers.get("retry-after"),
          cache: response.headers.get("x-contraste-cache"),
        });
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    const load = [writer(), writer(), reader(), reader()];

    await new Promise((resolve) => setTimeout(resolve, 1500));
    await cluster.stop();
    const stoppedAt = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const restarting = Date.now();
    await cluster.start();
    const startedAt = Date.now();
    // Recovery: the first moment after which every request succeeds again.
    await new Promise((resolve) => setTimeout(resolve, 7000));
    running = false;
    await Promise.all(load);

    // Requests that began once the server had stopped, until it accepts connections again.
    const during = outcomes.filter((o) => o.at > stoppedAt + 100 && o.at < restarting);
    expect(during.length).toBeGreaterThan(0);
    for (const outcome of during) {
      expect(outcome.status, JSON.stringify(outcome)).toBe(503);
      expect(outcome.retryAfter).toBe("5");
    }
    const failures = outcomes.filter((o) => o.status >= 400);
    expect(
      failures.filter((o) => o.status !== 503),
      "only 503s, never another error",
    ).toEqual([]);
    const lastFailure = Math.max(...failures.map((o) => o.at));
    expect(lastFailure - startedAt, "recovered within 5 s of PostgreSQL accepting connections").toBeLessThan(5000);
    expect(outcomes.filter((o) => o.at > startedAt + 5000 && (o.status === 200 || o.status === 201)).length).toBeGreaterThan(0);

    // Every write the app acknowledged is in the database.
    const acknowledged = outcomes.filter((o) => o.kind === "write" && o.status === 201).map((o) => o.id!);
    expect(acknowledged.length).toBeGreaterThan(10);
    const client = new pg.Client({ connectionString: cluster.url });
    await client.connect();
    const { rows } = await client.query<{ id: string }>(`SELECT id FROM "Observation" WHERE id = ANY($1)`, [acknowledged]);
    await client.end();
    expect(rows.length).toBe(acknowledged.length);
  }, 120_000);
});
