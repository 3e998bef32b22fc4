import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/testing/test-database";
import { createTestIndicator } from "@/testing/editor-fixtures";
import { EVENTS_PER_PAGE } from "./events-view-state";

// The events page pages its timeline and an indicator's page shows a bounded set of its own events.
// Many events share a day here, so the order's tie-break decides whether a page repeats or skips one.

let database: TestDatabase;
let events: typeof import("./queries");
const indicatorIds: Record<string, string> = {};

const EVENT_COUNT = 53;
const HOMICIDE_EVENTS = 31;

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  events = await import("./queries");
  const db = database.db;
  indicatorIds.homicides = (await createTestIndicator(db, "homicides")).id;
  indicatorIds.prisons = (await createTestIndicator(db, "prisons")).id;
  const source = await db.source.create({ data: { url: "https://gazette.example/decree" } });
  // Created newest day first, so creation order and date order disagree.
  for (let index = EVENT_COUNT - 1; index >= 0; index -= 1) {
    const event = await db.event.create({
      data: {
        kind: index % 5 === 0 ? "renewal" : "decree",
        startsOn: new Date(Date.UTC(2022, 0, 1 + Math.floor(index / 4))),
        datePrecision: "day",
        titleEn: `Event ${index}`,
        titleEs: `Evento ${index}`,
        sourceId: source.id,
        appliesToAll: index === 0,
      },
    });
    if (index > 0 && index <= HOMICIDE_EVENTS)
      await db.eventIndicator.create({ data: { eventId: event.id, indicatorId: indicatorIds.homicides! } });
    if (index > HOMICIDE_EVENTS) await db.eventIndicator.create({ data: { eventId: event.id, indicatorId: indicatorIds.prisons! } });
  }
});
afterAll(() => database.drop());

async function everyPage(filter: { indicatorSlug?: string }) {
  const first = await events.listEvents(filter, { page: 1, pageSize: EVENTS_PER_PAGE });
  const pages = [first];
  for (let page = 2; page <= first.pageCount; page += 1) pages.push(await events.listEvents(filter, { page, pageSize: EVENTS_PER_PAGE }));
  return pages;
}

describe("the events page, a page at a time", () => {
  it("shows every event exactly once across its pages, newest first, at most a page's size each", async () => {
    const pages = await everyPage({});
    expect(pages).toHaveLength(Math.ceil(EVENT_COUNT / EVENTS_PER_PAGE));
    for (const page of pages) {
      expect(page.total).toBe(EVENT_COUNT);
      expect(page.events.length).toBeGreaterThan(0);
      expect(page.events.length).toBeLessThanOrEqual(EVENTS_PER_PAGE);
    }
    const titles = pages.flatMap((page) => page.events.map((event) => event.titleEn));
    expect(titles).toHaveLength(EVENT_COUNT);
    expect(new Set(titles).size).toBe(EVENT_COUNT);
    const days = pages.flatMap((page) => page.events.map((event) => event.startsOn));
    expect(days).toEqual([...days].sort().reverse());
  });

  it("keeps an indicator's filter on every page: its events and those that concern every indicator", async () => {
    const pages = await everyPage({ indicatorSlug: "homicides" });
    const titles = pages.flatMap((page) => page.events.map((event) => event.titleEn));
    expect(pages[0]!.total).toBe(HOMICIDE_EVENTS + 1);
    expect(new Set(titles)).toEqual(new Set(Array.from({ length: HOMICIDE_EVENTS + 1 }, (_, index) => `Event ${index}`)));
    expect(titles).toHaveLength(HOMICIDE_EVENTS + 1);
  });

  it("has nothing past its last page", async () => {
    const past = await events.listEvents({}, { page: 99, pageSize: EVENTS_PER_PAGE });
    expect(past.events).toEqual([]);
    expect(past.total).toBe(EVENT_COUNT);
  });
});

describe("an indicator's own events", () => {
  it("are only those linked to it and those that concern every indicator", async () => {
    const { events: shown, more } = await events.getIndicatorEvents(indicatorIds.prisons!);
    const prisonTitles = Array.from({ length: EVENT_COUNT - HOMICIDE_EVENTS - 1 }, (_, index) => `Event ${HOMICIDE_EVENTS + 1 + index}`);
    expect(new Set(shown.map((event) => event.titleEn))).toEqual(new Set(["Event 0", ...prisonTitles]));
    expect(more).toBe(0);
  });

  it("are bounded: the one that concerns every indicator and the newest, oldest first, and a count of the rest", async () => {
    const { events: shown, more } = await events.getIndicatorEvents(indicatorIds.homicides!, 9);
    expect(shown).toHaveLength(9);
    expect(more).toBe(HOMICIDE_EVENTS + 1 - 9);
    const titles = shown.map((event) => event.titleEn);
    expect(titles[0]).toBe("Event 0");
    // The eight newest homicide events, 24 to 31: the last two days, four events each.
    expect(new Set(titles.slice(1))).toEqual(new Set(Array.from({ length: 8 }, (_, index) => `Event ${24 + index}`)));
    const days = shown.map((event) => event.startsOn);
    expect(days).toEqual([...days].sort());
  });

  it("are what a chart draws, at most INDICATOR_EVENTS_SHOWN of them", async () => {
    const drawn = await events.eventsForIndicator(indicatorIds.homicides!);
    expect(drawn).toHaveLength(events.INDICATOR_EVENTS_SHOWN);
    expect(drawn.map((event) => event.titleEn)).toContain("Event 0");
    expect(drawn.map((event) => event.titleEn)).not.toContain(`Event ${HOMICIDE_EVENTS + 1}`);
  });
});
