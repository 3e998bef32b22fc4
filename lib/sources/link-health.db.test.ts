import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { addFigures, createFixtureIndicator } from "../../testing/figures-fixture";
import { createTestDatabase, type TestDatabase } from "../../testing/test-database";
import { listenToCommits, type DataChange } from "../db/transaction";

// The checker against servers this test starts on 127.0.0.1, writing into a database of its own.

let database: TestDatabase;
let health: typeof import("./link-health");
let base = "";
let toggleAnswers = 500;

const server = http.createServer((request, response) => {
  switch (request.url) {
    case "/report":
      return response.writeHead(200).end();
    case "/old-address":
      return response.writeHead(301, { Location: "/new-address" }).end();
    case "/new-address":
      return response.writeHead(200).end();
    case "/toggle":
      return response.writeHead(toggleAnswers).end();
    case "/members-only":
      return response.writeHead(403).end();
    default:
      return response.writeHead(404).end();
  }
});

const at = (day: string) => new Date(`${day}T03:00:00Z`);
const heard: DataChange[] = [];
const options = () => ({ userAgent: "ContrasteLinkCheck/1.0 (test)", timeoutMs: 2_000, allowLoopback: true });
const source = (path: string) => database.db.source.findUniqueOrThrow({ where: { url: `${base}${path}` } });

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  health = await import("./link-health");
  base = await new Promise<string>((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
  );
  await createFixtureIndicator(database.db, "prisoners");
  await addFigures(database.db, [
    { indicator: "prisoners", producer: "Cristosal", value: "10", asOf: "2024-01-01", source: `${base}/report` },
    { indicator: "prisoners", producer: "Cristosal", value: "11", asOf: "2024-02-01", source: `${base}/old-address` },
    { indicator: "prisoners", producer: "Cristosal", value: "12", asOf: "2024-03-01", source: `${base}/gone` },
    { indicator: "prisoners", producer: "el faro", value: "13", asOf: "2024-03-01", source: `${base}/gone` },
    { indicator: "prisoners", producer: "el faro", value: "14", asOf: "2024-04-01", source: `${base}/gone`, status: "draft" },
    { indicator: "prisoners", producer: "el faro", value: "15", asOf: "2024-05-01", source: `${base}/toggle` },
    { indicator: "prisoners", producer: "el faro", value: "16", asOf: "2024-06-01", source: `${base}/members-only` },
  ]);
  listenToCommits("link health test", { afterCommit: (changes) => heard.push(...changes) });
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await database.drop();
});
beforeEach(() => {
  heard.length = 0;
});

describe("recording link checks", () => {
  let before: Map<string, { version: number; updatedAt: Date }>;

  it("records state, status, error, redirects and the day a link broke, without touching a source's version", async () => {
    before = new Map((await database.db.source.findMany()).map((row) => [row.url, { version: row.version, updatedAt: row.updatedAt }]));
    const report = await health.checkSourceLinks(database.db, { ...options(), now: () => at("2026-12-01") });
    expect(report).toMatchObject({ checked: 5, ok: 2, broken: 2, unverifiable: 1, fixed: [], notStarted: 0, discarded: 0 });
    expect(report.newlyBroken.map((entry) => entry.url).toSorted()).toEqual([`${base}/gone`, `${base}/toggle`]);

    expect(await source("/report")).toMatchObject({
      linkState: "ok",
      linkStatusCode: 200,
      linkError: null,
      linkRedirects: [],
      linkCheckedAt: at("2026-12-01"),
      linkBrokenSince: null,
    });
    expect(await source("/old-address")).toMatchObject({ linkState: "ok", linkStatusCode: 200, linkRedirects: [`${base}/new-address`] });
    expect(await source("/gone")).toMatchObject({
      linkState: "broken",
      linkStatusCode: 404,
      linkError: "http_status",
      linkBrokenSince: at("2026-12-01"),
    });
    expect(await source("/members-only")).toMatchObject({ linkState: "unverifiable", linkStatusCode: 403, linkBrokenSince: null });

    // A check is not an edit: an editor's open form stays current.
    for (const row of await database.db.source.findMany())
      expect({ version: row.version, updatedAt: row.updatedAt }).toEqual(before.get(row.url));
    // Pages showing "broken since" hear of the two links that broke, and of nothing else.
    expect(heard.filter((change) => "entityType" in change && change.entityType === "source")).toHaveLength(2);
  });

  it("keeps the day a link broke through later failures, and clears it when the page is back", async () => {
    toggleAnswers = 200;
    const report = await health.checkSourceLinks(database.db, { ...options(), now: () => at("2026-12-08") });
    expect(report).toMatchObject({ checked: 5, ok: 3, broken: 1, unverifiable: 1, newlyBroken: [] });
    expect(report.fixed.map((entry) => entry.url)).toEqual([`${base}/toggle`]);

    expect(await source("/gone")).toMatchObject({
      linkState: "broken",
      linkCheckedAt: at("2026-12-08"),
      linkBrokenSince: at("2026-12-01"),
    });
    expect(await source("/toggle")).toMatchObject({ linkState: "ok", linkStatusCode: 200, linkError: null, linkBrokenSince: null });
    for (const row of await database.db.source.findMany()) expect(row.version).toBe(before.get(row.url)?.version);
    // Only the link that came back changes what readers see.
    expect(heard).toHaveLength(1);

    toggleAnswers = 500;
    await health.checkSourceLinks(database.db, { ...options(), now: () => at("2026-12-09") });
    // A new run of failures starts a new day.
    expect(await source("/toggle")).toMatchObject({ linkState: "broken", linkBrokenSince: at("2026-12-09") });
  });

  it("checks only sources not checked for the given days, and up to the limit", async () => {
    const recent = await health.checkSourceLinks(database.db, { ...options(), staleDays: 7, now: () => at("2026-12-10") });
    expect(recent.checked).toBe(0);
    const limited = await health.checkSourceLinks(database.db, { ...options(), staleDays: 1, limit: 2, now: () => at("2026-12-11") });
    expect(limited.checked).toBe(2);
  });

  it("writes nothing on a dry run", async () => {
    const rows = await database.db.source.findMany({ orderBy: { id: "asc" } });
    toggleAnswers = 200;
    const report = await health.checkSourceLinks(database.db, { ...options(), dryRun: true, now: () => at("2026-12-20") });
    expect(report.fixed.map((entry) => entry.url)).toEqual([`${base}/toggle`]);
    expect(await database.db.source.findMany({ orderBy: { id: "asc" } })).toEqual(rows);
    expect(heard).toEqual([]);
    toggleAnswers = 500;
  });

  it("drops a result about an address staff changed while it was checked", async () => {
    const gone = await source("/gone");
    const result = { state: "ok" as const, statusCode: 200, error: null, redirects: [] };
    expect(
      await health.recordLinkCheck(database.db, { id: gone.id, url: `${base}/some-older-address` }, result, at("2026-12-21")),
    ).toBeNull();
    expect(await source("/gone")).toMatchObject({ linkState: "broken", linkBrokenSince: at("2026-12-01") });
  });
});

describe("the editors' list of broken links", () => {
  it("lists broken sources the longest broken first, with what cites them and where they led", async () => {
    const list = await health.listBrokenSources(1, database.db);
    expect(list.total).toBe(2);
    expect(list.rows.map((row) => row.url)).toEqual([`${base}/gone`, `${base}/toggle`]);
    const gone = await source("/gone");
    expect(list.rows[0]).toEqual({
      id: gone.id,
      url: `${base}/gone`,
      publisher: gone.publisher,
      archivedUrl: null,
      error: "http_status",
      statusCode: 404,
      redirects: [],
      brokenSince: "2026-12-01",
      checkedAt: expect.stringMatching(/^2026-12-\d\d$/),
      // The draft citing it is not counted: readers do not see it.
      citedBy: { figures: 2, framings: 0, events: 0 },
    });
    expect(await health.countUnverifiableSources(database.db)).toBe(1);
  });

  it("pages by 50", async () => {
    const now = at("2026-11-01");
    await database.db.source.createMany({
      data: Array.from({ length: 55 }, (_, index) => ({
        url: `https://example.org/broken/${index}`,
        linkState: "broken" as const,
        linkBrokenSince: new Date(now.getTime() + index * 60_000),
        linkCheckedAt: now,
      })),
    });
    const first = await health.listBrokenSources(1, database.db);
    const second = await health.listBrokenSources(2, database.db);
    expect(first.rows).toHaveLength(50);
    expect(first.rows[0]?.url).toBe("https://example.org/broken/0");
    expect(second.rows.map((row) => row.url)).toEqual([
      "https://example.org/broken/50",
      "https://example.org/broken/51",
      "https://example.org/broken/52",
      "https://example.org/broken/53",
      "https://example.org/broken/54",
      `${base}/gone`,
      `${base}/toggle`,
    ]);
  });
});
