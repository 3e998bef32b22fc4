import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/testing/test-database";
import { createTestIndicator } from "@/testing/editor-fixtures";
import type { ObservationStatus, ProducerType, SourceClass } from "@/lib/generated/prisma/client";
import { EVENTS_GROUP, SOURCES_PER_PAGE, SOURCES_SHOWN_PER_GROUP } from "./source-overview-state";

// The sources page counts what readers see: published figures and dated events, by the class of their
// one source. Drafts, superseded proposals and retracted figures are not counted.

let database: TestDatabase;
let overview: typeof import("./source-overview");

const ids: Record<string, string> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  overview = await import("./source-overview");
  const db = database.db;
  const homicides = await createTestIndicator(db, "homicides");
  const detentions = await createTestIndicator(db, "detentions");
  const producer = async (name: string, type: ProducerType) => (ids[name] = (await db.producer.create({ data: { name, type } })).id);
  await producer("Ministry", "government");
  await producer("Watchdog", "ngo");
  const source = async (url: string, sourceClass: SourceClass) =>
    (ids[url] = (await db.source.create({ data: { url, publisher: new URL(url).hostname, sourceClass } })).id);
  await source("https://gob.example/report", "primary");
  await source("https://news.example/story", "press");
  await source("https://mirror.example/copy", "secondary");
  await source("https://forum.example/thread", "secondary");
  await source("https://drafts.example/only-a-draft", "secondary");
  await source("https://decree.example/official", "primary");
  await source("https://aggregator.example/event", "secondary");
  let day = 0;
  const figure = (indicatorId: string, producerName: string, url: string, status: ObservationStatus) =>
    db.observation.create({
      data: {
        indicatorId,
        producerId: ids[producerName]!,
        sourceId: ids[url]!,
        value: "1",
        asOf: new Date(Date.UTC(2020, 0, 1 + day++)),
        datePrecision: "day",
        attribution: producerName,
        status,
      },
    });
  await figure(homicides.id, "Ministry", "https://gob.example/report", "published");
  await figure(homicides.id, "Ministry", "https://gob.example/report", "published");
  await figure(homicides.id, "Watchdog", "https://news.example/story", "published");
  // The same secondary page cited by both producers: one source, two groups.
  await figure(homicides.id, "Watchdog", "https://mirror.example/copy", "published");
  await figure(detentions.id, "Watchdog", "https://mirror.example/copy", "published");
  await figure(detentions.id, "Ministry", "https://mirror.example/copy", "published");
  await figure(detentions.id, "Watchdog", "https://forum.example/thread", "published");
  // Not shown to readers, so not counted.
  await figure(homicides.id, "Watchdog", "https://forum.example/thread", "draft");
  await figure(homicides.id, "Watchdog", "https://forum.example/thread", "superseded");
  await figure(homicides.id, "Watchdog", "https://drafts.example/only-a-draft", "draft");
  const retracted = await figure(homicides.id, "Watchdog", "https://forum.example/thread", "published");
  await db.observation.update({ where: { id: retracted.id }, data: { status: "retracted", retractedAt: new Date() } });
  const event = (url: string, title: string) =>
    db.event.create({
      data: { kind: "decree", startsOn: new Date("2022-03-27"), datePrecision: "day", titleEn: title, titleEs: title, sourceId: ids[url]! },
    });
  await event("https://decree.example/official", "Decree");
  await event("https://decree.example/official", "Renewal");
  await event("https://aggregator.example/event", "Reported");
});
afterAll(() => database.drop());

describe("the sources overview", () => {
  it("counts sources, published figures and events per class, leaving out drafts and retracted figures", async () => {
    const { classes } = await overview.getSourceOverview();
    expect(classes).toEqual([
      { sourceClass: "primary", sources: 2, figures: 2, events: 2 },
      { sourceClass: "press", sources: 1, figures: 1, events: 0 },
      // mirror (3 figures, two producers) and forum (1 published; its draft, proposal and retracted figure left out); aggregator (1 event)
      { sourceClass: "secondary", sources: 3, figures: 4, events: 1 },
    ]);
  });

  it("follows a figure's retraction and a source's reclassification", async () => {
    const db = database.db;
    const published = await db.observation.findFirstOrThrow({
      where: { sourceId: ids["https://forum.example/thread"], status: "published" },
    });
    await db.observation.update({ where: { id: published.id }, data: { status: "retracted", retractedAt: new Date() } });
    await db.source.update({ where: { id: ids["https://aggregator.example/event"] }, data: { sourceClass: "press" } });
    try {
      const secondary = (await overview.getSourceOverview()).classes.find((row) => row.sourceClass === "secondary");
      expect(secondary).toEqual({ sourceClass: "secondary", sources: 1, figures: 3, events: 0 });
    } finally {
      await db.observation.update({ where: { id: published.id }, data: { status: "published", retractedAt: null } });
      await db.source.update({ where: { id: ids["https://aggregator.example/event"] }, data: { sourceClass: "secondary" } });
    }
  });

  it("says on which indicators the figures resting on a secondary source are", async () => {
    const { secondaryByIndicator } = await overview.getSourceOverview();
    expect(secondaryByIndicator.map(({ slug, figures }) => ({ slug, figures }))).toEqual([
      { slug: "detentions", figures: 3 },
      { slug: "homicides", figures: 1 },
    ]);
  });
});

describe("sources grouped by class and producer", () => {
  it("orders groups by class, producer type (government first) and name, the events group last in its class", async () => {
    const page = await overview.listSourceGroups({ sourceClass: null, page: 1 });
    expect(page.groups.map((group) => [group.sourceClass, group.producer?.name ?? group.key, group.sources, group.cites])).toEqual([
      ["primary", "Ministry", 1, 2],
      ["primary", EVENTS_GROUP, 1, 2],
      ["press", "Watchdog", 1, 1],
      ["secondary", "Ministry", 1, 1],
      ["secondary", "Watchdog", 2, 3],
      ["secondary", EVENTS_GROUP, 1, 1],
    ]);
    expect(page.pageCount).toBe(1);
    const watchdog = page.groups.find((group) => group.sourceClass === "secondary" && group.producer?.name === "Watchdog")!;
    expect(watchdog.shown.map((source) => [source.url, source.cites, source.sourceClass])).toEqual([
      ["https://mirror.example/copy", 2, "secondary"],
      ["https://forum.example/thread", 1, "secondary"],
    ]);
    expect(JSON.stringify(page)).not.toContain("only-a-draft");
  });

  it("leads from each producer's source to its figures: the one figure, or the one indicator's table", async () => {
    const page = await overview.listSourceGroups({ sourceClass: null, page: 1 });
    const figuresOf = (sourceClass: string, producer: string | null, url: string) =>
      page.groups
        .find((group) => group.sourceClass === sourceClass && (group.producer?.name ?? null) === producer)!
        .shown.find((source) => source.url === url)!.figures;
    const story = await database.db.observation.findFirstOrThrow({
      where: { sourceId: ids["https://news.example/story"], status: "published" },
    });
    expect(figuresOf("press", "Watchdog", "https://news.example/story")).toEqual({ figureId: story.id, indicatorSlug: "homicides" });
    expect(figuresOf("primary", "Ministry", "https://gob.example/report")).toEqual({ figureId: null, indicatorSlug: "homicides" });
    // Two figures on two indicators: no one place to lead to.
    expect(figuresOf("secondary", "Watchdog", "https://mirror.example/copy")).toEqual({ figureId: null, indicatorSlug: null });
    expect(figuresOf("primary", null, "https://decree.example/official")).toBeNull();
  });

  it("shows one class when asked", async () => {
    const page = await overview.listSourceGroups({ sourceClass: "secondary", page: 1 });
    expect(page.groups.map((group) => group.sourceClass)).toEqual(["secondary", "secondary", "secondary"]);
  });

  it("carries a broken link's day and archived copy", async () => {
    const db = database.db;
    await db.source.update({
      where: { id: ids["https://news.example/story"] },
      data: { linkState: "broken", linkBrokenSince: new Date("2026-11-30T08:00:00Z"), archivedUrl: "https://archive.example/story" },
    });
    const page = await overview.listSourceGroups({ sourceClass: "press", page: 1 });
    expect(page.groups[0]!.shown[0]).toMatchObject({ brokenSince: "2026-11-30", archivedUrl: "https://archive.example/story" });
  });
});

/** Every page of the overview's groups, following its page count. */
async function everyGroupPage(sourceClass: SourceClass | null) {
  const first = await overview.listSourceGroups({ sourceClass, page: 1 });
  const pages = [first];
  for (let page = 2; page <= first.pageCount; page += 1) pages.push(await overview.listSourceGroups({ sourceClass, page }));
  return pages;
}

describe("a producer with many sources", () => {
  it("shows a few under its group, pages the rest, and pages the groups", async () => {
    const db = database.db;
    const indicator = await db.indicator.findUniqueOrThrow({ where: { slug: "homicides" } });
    const prolific = await db.producer.create({ data: { name: "Prolific", type: "media" } });
    const count = 60;
    await db.source.createMany({
      data: Array.from({ length: count }, (_, index) => ({
        url: `https://many.example/${String(index).padStart(3, "0")}`,
        sourceClass: "press" as const,
      })),
    });
    const sources = await db.source.findMany({ where: { url: { startsWith: "https://many.example/" } }, select: { id: true } });
    await db.observation.createMany({
      data: sources.map((source, index) => ({
        indicatorId: indicator.id,
        producerId: prolific.id,
        sourceId: source.id,
        value: "1",
        asOf: new Date(Date.UTC(2010, 0, 1 + index)),
        datePrecision: "day" as const,
        attribution: "Prolific",
        status: "published" as const,
      })),
    });
    const press = await overview.listSourceGroups({ sourceClass: "press", page: 1 });
    const group = press.groups.find((candidate) => candidate.producer?.id === prolific.id)!;
    expect(group).toMatchObject({ sources: count, cites: count });
    expect(group.shown).toHaveLength(SOURCES_SHOWN_PER_GROUP);

    const first = await overview.getSourceGroup("press", prolific.id, 1);
    const pageCount = Math.ceil(count / SOURCES_PER_PAGE);
    expect(first!.pageCount).toBe(pageCount);
    const groupPages = [first!];
    for (let page = 2; page <= pageCount; page += 1) groupPages.push((await overview.getSourceGroup("press", prolific.id, page))!);
    for (const page of groupPages) expect(page.sources.length).toBeLessThanOrEqual(SOURCES_PER_PAGE);
    const urls = groupPages.flatMap((page) => page.sources.map((source) => source.url));
    expect(new Set(urls).size).toBe(count);
    expect(urls).toHaveLength(count);
    expect(first!.group).toMatchObject({ sources: count, cites: count, producer: { name: "Prolific" } });
    expect(await overview.getSourceGroup("press", prolific.id, pageCount + 1)).toBeNull();
    expect(await overview.getSourceGroup("secondary", prolific.id, 1)).toBeNull();
    expect(await overview.getSourceGroup("press", "no-such-producer", 1)).toBeNull();

    const events = await overview.getSourceGroup("secondary", EVENTS_GROUP, 1);
    expect(events!.sources.map((source) => source.url)).toEqual(["https://aggregator.example/event"]);

    // Enough producers, each with one source, to need several pages of groups.
    const outletCount = 2 * SOURCES_PER_PAGE + 3;
    await db.producer.createMany({
      data: Array.from({ length: outletCount }, (_, index) => ({ name: `Outlet ${index}`, type: "media" as const })),
    });
    const outlets = await db.producer.findMany({ where: { name: { startsWith: "Outlet " } }, select: { id: true } });
    await db.observation.createMany({
      data: outlets.map((outlet, index) => ({
        indicatorId: indicator.id,
        producerId: outlet.id,
        sourceId: sources[index % sources.length]!.id,
        value: "2",
        asOf: new Date(Date.UTC(2011, 0, 1 + index)),
        datePrecision: "day" as const,
        attribution: "Outlet",
        status: "published" as const,
      })),
    });
    const pages = await everyGroupPage(null);
    expect(pages.length).toBeGreaterThan(2);
    for (const page of pages) {
      expect(page.groups.length).toBeGreaterThan(0);
      const listed = page.groups.reduce((total, group) => total + group.shown.length, 0);
      expect(listed).toBeLessThan(SOURCES_PER_PAGE + SOURCES_SHOWN_PER_GROUP);
    }
    const groups = pages.flatMap((page) => page.groups);
    const keys = groups.map((group) => `${group.sourceClass}:${group.key}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toHaveLength(6 + 1 + outletCount);
    // No figure or event lost or counted twice across pages: the groups add up to the class totals.
    const { classes } = await overview.getSourceOverview();
    const cited = classes.reduce((total, row) => total + row.figures + row.events, 0);
    expect(groups.reduce((total, group) => total + group.cites, 0)).toBe(cited);
    // The pages keep the one order: by class, then producer type (government first), then name.
    const classOrder = groups.map((group) => ["primary", "press", "secondary"].indexOf(group.sourceClass));
    expect(classOrder).toEqual([...classOrder].sort((a, b) => a - b));
    expect((await overview.listSourceGroups({ sourceClass: null, page: pages.length + 1 })).groups).toEqual([]);
  });
});
