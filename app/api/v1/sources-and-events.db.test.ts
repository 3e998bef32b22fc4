import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/testing/test-database";
import { createTestIndicator } from "@/testing/editor-fixtures";
import type { ObservationStatus } from "@/lib/generated/prisma/client";

let database: TestDatabase;
let sources: typeof import("./sources/route");
let events: typeof import("./events/route");
let overview: typeof import("@/lib/sources/source-overview");

const DRAFT_URL = "https://leak.example/unpublished-draft-report";
const DRAFT_PUBLISHER = "Unpublished Draft Publisher";
const SUPERSEDED_URL = "https://leak.example/superseded-proposal";
let indicatorSlug: string;

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  sources = await import("./sources/route");
  events = await import("./events/route");
  overview = await import("@/lib/sources/source-overview");
  const db = database.db;
  const indicator = await createTestIndicator(db);
  const producer = await db.producer.create({ data: { name: "Test NGO", type: "ngo" } });
  const figure = async (url: string, status: ObservationStatus, publisher = "Example") => {
    const source = await db.source.create({ data: { url, publisher } });
    await db.observation.create({
      data: {
        indicatorId: indicator.id,
        producerId: producer.id,
        sourceId: source.id,
        value: "1",
        asOf: new Date("2024-01-01"),
        datePrecision: "year",
        attribution: "Test NGO",
        status,
      },
    });
  };
  await figure("https://public.example/published", "published");
  await figure("https://public.example/retracted", "retracted");
  await figure(DRAFT_URL, "draft", DRAFT_PUBLISHER);
  await figure(SUPERSEDED_URL, "superseded", DRAFT_PUBLISHER);
  const framingSource = await db.source.create({ data: { url: "https://public.example/framing" } });
  await db.framing.create({
    data: { indicatorId: indicator.id, producerId: producer.id, sourceId: framingSource.id, summaryEn: "Framing", summaryEs: "Encuadre" },
  });
  // Many event sources, so paging has something to page through; every third event concerns the indicator.
  for (let index = 0; index < 30; index += 1) {
    const source = await db.source.create({ data: { url: `https://public.example/event-${String(index).padStart(2, "0")}` } });
    const event = await db.event.create({
      data: {
        kind: "decree",
        startsOn: new Date(Date.UTC(2022, 0, 1 + (index % 7))),
        datePrecision: "day",
        titleEn: `Event ${index}`,
        titleEs: `Evento ${index}`,
        sourceId: source.id,
      },
    });
    if (index % 3 === 0) await db.eventIndicator.create({ data: { eventId: event.id, indicatorId: indicator.id } });
  }
  // An event that concerns every indicator, and one of another indicator.
  const declaration = await db.source.create({ data: { url: "https://public.example/declaration" } });
  await db.event.create({
    data: {
      kind: "policy",
      startsOn: new Date(Date.UTC(2021, 11, 31)),
      datePrecision: "day",
      titleEn: "Declaration",
      titleEs: "Declaración",
      sourceId: declaration.id,
      appliesToAll: true,
    },
  });
  const other = await createTestIndicator(db, "other_indicator");
  const elsewhere = await db.event.create({
    data: {
      kind: "policy",
      startsOn: new Date(Date.UTC(2022, 0, 2)),
      datePrecision: "day",
      titleEn: "Elsewhere",
      titleEs: "En otra parte",
      sourceId: declaration.id,
    },
  });
  await db.eventIndicator.create({ data: { eventId: elsewhere.id, indicatorId: other.id } });
  indicatorSlug = indicator.slug;
});
afterAll(() => database.drop());

const get = (path: string) => new Request(`http://contraste.test${path}`);
const nextPath = (response: Response) => /^<([^>]+)>; rel="next"$/.exec(response.headers.get("link") ?? "")?.[1] ?? null;

async function everyPage(handler: (request: Request) => Promise<Response>, firstPath: string) {
  const pages: { data: unknown[]; meta: { count: number; nextCursor: string | null } }[] = [];
  for (let path: string | null = firstPath; path;) {
    const response = await handler(get(path));
    expect(response.status).toBe(200);
    const next = nextPath(response);
    const body = await response.json();
    expect(body.meta.count).toBe(body.data.length);
    // The Link header and meta.nextCursor agree, and the last page has neither.
    expect(next === null).toBe(body.meta.nextCursor === null);
    pages.push(body);
    path = next;
  }
  return pages;
}

describe("GET /api/v1/sources", () => {
  it("never shows a source that only unpublished figures cite", async () => {
    const response = await sources.GET(get("/api/v1/sources"));
    const text = await response.text();
    expect(text).not.toContain(DRAFT_URL);
    expect(text).not.toContain(DRAFT_PUBLISHER);
    expect(text).not.toContain(SUPERSEDED_URL);
    const urls = (JSON.parse(text) as { data: { url: string }[] }).data.map((source) => source.url);
    expect(urls).toEqual(
      expect.arrayContaining([
        "https://public.example/published",
        "https://public.example/retracted",
        "https://public.example/framing",
        "https://public.example/event-00",
      ]),
    );
  });

  it("keeps the draft's source out of the sources page too", async () => {
    expect(JSON.stringify(await overview.listSourceGroups({ sourceClass: null, page: 1 }))).not.toContain(DRAFT_URL);
  });

  it("pages through every public source exactly once, in URL order", async () => {
    const pages = await everyPage(sources.GET, "/api/v1/sources?limit=4");
    const urls = pages.flatMap((page) => page.data.map((source) => (source as { url: string }).url));
    expect(pages.length).toBeGreaterThan(1);
    expect(new Set(urls).size).toBe(urls.length);
    expect(urls).toHaveLength(34); // published, retracted, framing, 30 event sources and the declaration
    expect(urls).toEqual([...urls].sort());
  });

  it("gives clients without a cursor the first page of 500 and a next link to the rest", async () => {
    const limited = await sources.GET(get("/api/v1/sources?limit=10"));
    expect((await limited.json()).data).toHaveLength(10);
    expect(nextPath(limited)).toMatch(/^\/api\/v1\/sources\?limit=10&cursor=/);

    const small = await sources.GET(get("/api/v1/sources"));
    expect((await small.json()).data).toHaveLength(34);
    expect(small.headers.get("link")).toBeNull();

    await database.db.source.createMany({
      data: Array.from({ length: 500 }, (_, index) => ({ url: `https://public.example/more-${String(index).padStart(3, "0")}` })),
    });
    const more = await database.db.source.findMany({
      where: { url: { startsWith: "https://public.example/more-" } },
      select: { id: true },
    });
    await database.db.event.createMany({
      data: more.map((source, index) => ({
        kind: "other",
        startsOn: new Date(Date.UTC(2023, 0, 1 + (index % 300))),
        datePrecision: "day",
        titleEn: "More",
        titleEs: "Más",
        sourceId: source.id,
      })),
    });
    const first = await sources.GET(get("/api/v1/sources"));
    expect((await first.json()).data).toHaveLength(500);
    const next = nextPath(first);
    expect(next).toMatch(/^\/api\/v1\/sources\?cursor=/);
    const rest = await sources.GET(get(next!));
    expect((await rest.json()).data).toHaveLength(34);
    expect(rest.headers.get("link")).toBeNull();
  });

  it("refuses a forged cursor and an unbounded page size", async () => {
    for (const path of [
      "/api/v1/sources?cursor=%00",
      "/api/v1/sources?cursor=bm90IGEgY3Vyc29y!",
      "/api/v1/sources?limit=100000",
      "/api/v1/sources?limit=0",
    ]) {
      const response = await sources.GET(get(path));
      expect(response.status, path).toBe(400);
      expect((await response.json()).error.code).toBe("invalid_parameter");
    }
  });
});

describe("GET /api/v1/events", () => {
  it("pages through every event exactly once, oldest first, with filters kept across pages", async () => {
    const pages = await everyPage(events.GET, "/api/v1/events?limit=4&kind=decree");
    const ids = pages.flatMap((page) => page.data.map((event) => (event as { id: string }).id));
    expect(pages.length).toBeGreaterThan(1);
    expect(new Set(ids).size).toBe(30);
    expect(ids).toHaveLength(30);
    const days = pages.flatMap((page) => page.data.map((event) => (event as { startsOn: string }).startsOn));
    expect(days).toEqual([...days].sort());

    const ranged = await everyPage(events.GET, "/api/v1/events?limit=3&from=2022-01-02&to=2022-01-03");
    const rangedDays = ranged.flatMap((page) => page.data.map((event) => (event as { startsOn: string }).startsOn));
    expect(rangedDays.every((day) => day === "2022-01-02" || day === "2022-01-03")).toBe(true);
    expect(rangedDays).toHaveLength(
      await database.db.event.count({ where: { startsOn: { gte: new Date("2022-01-02"), lte: new Date("2022-01-03") } } }),
    );
  });

  it("refuses a cursor it did not give out", async () => {
    const response = await events.GET(get("/api/v1/events?cursor=nonsense"));
    expect(response.status).toBe(400);
  });

  it("gives one indicator's events and those that concern every indicator, each once across pages, oldest first", async () => {
    const pages = await everyPage(events.GET, `/api/v1/events?indicator=${indicatorSlug}&limit=3`);
    const titles = pages.flatMap((page) => page.data.map((event) => (event as { title: { en: string } }).title.en));
    expect(pages.length).toBeGreaterThan(1);
    expect(titles).toHaveLength(11);
    expect(new Set(titles)).toEqual(new Set(["Declaration", ...Array.from({ length: 10 }, (_, index) => `Event ${index * 3}`)]));
    expect(titles[0]).toBe("Declaration");
    for (const page of pages)
      for (const event of page.data as { appliesToAll: boolean; indicators: string[] }[])
        expect(event.appliesToAll || event.indicators.includes(indicatorSlug)).toBe(true);
    const days = pages.flatMap((page) => page.data.map((event) => (event as { startsOn: string }).startsOn));
    expect(days).toEqual([...days].sort());

    const renewalsOnly = await everyPage(events.GET, `/api/v1/events?indicator=other_indicator&kind=policy`);
    expect(renewalsOnly.flatMap((page) => page.data.map((event) => (event as { title: { en: string } }).title.en))).toEqual([
      "Declaration",
      "Elsewhere",
    ]);
  });

  it("refuses an indicator that does not exist and a slug that cannot be one, naming the parameter", async () => {
    for (const path of ["/api/v1/events?indicator=no_such_indicator", "/api/v1/events?indicator=Not%20a%20slug"]) {
      const response = await events.GET(get(path));
      expect(response.status, path).toBe(400);
      expect((await response.json()).error.message, path).toContain('"indicator"');
    }
  });

  it("bounds the page size", async () => {
    expect((await events.GET(get("/api/v1/events?limit=1001"))).status).toBe(400);
    expect((await events.GET(get("/api/v1/events?limit=0"))).status).toBe(400);
    const one = await (await events.GET(get("/api/v1/events?limit=1"))).json();
    expect(one.data).toHaveLength(1);
    expect(one.meta.nextCursor).not.toBeNull();
  });
});
