import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CURATION_PATH, DATASET_PATH, seedFromFiles } from "../dataset/load-seed";
import { createTestDatabase, type TestDatabase } from "../../testing/test-database";

// Each chart shows its own events: the seed relates every dataset event to the indicators the
// curation file names (or to all), and eventsForIndicator reads them back.

type CuratedEvent = { date: string; title_en: string; kind: string; indicators: "all" | string[]; dateNote_es?: string };
const dataset = JSON.parse(readFileSync(DATASET_PATH, "utf8")) as { events: { date: string; title_en: string; dateNote?: string }[] };
const curation = JSON.parse(readFileSync(CURATION_PATH, "utf8")) as { indicators: { slug: string }[]; events: CuratedEvent[] };

let database: TestDatabase;
let events: typeof import("./queries");

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  events = await import("./queries");
  await seedFromFiles(database.db);
});
afterAll(() => database.drop());

const idOf = async (slug: string) => (await database.db.indicator.findUniqueOrThrow({ where: { slug } })).id;
const titlesFor = async (slug: string) => (await events.eventsForIndicator(await idOf(slug))).map((event) => event.titleEn);

/** Every event's indicators as stored: "all", or its slugs sorted, by English title. */
async function storedRelation() {
  const rows = await database.db.event.findMany({
    select: { titleEn: true, appliesToAll: true, indicators: { select: { indicator: { select: { slug: true } } } } },
  });
  return Object.fromEntries(
    rows.map((row) => [row.titleEn, row.appliesToAll ? "all" : row.indicators.map(({ indicator }) => indicator.slug).sort()]),
  );
}

describe("the curation file", () => {
  it("names at least one existing indicator (or all) for every dataset event", () => {
    const slugs = new Set(curation.indicators.map((indicator) => indicator.slug));
    expect(curation.events).toHaveLength(dataset.events.length);
    for (const entry of curation.events) {
      if (entry.indicators === "all") continue;
      expect(entry.indicators.length, entry.title_en).toBeGreaterThan(0);
      for (const slug of entry.indicators) expect(slugs.has(slug), `${entry.title_en}: ${slug}`).toBe(true);
    }
    expect(curation.events.filter((entry) => entry.indicators === "all").map((entry) => entry.title_en)).toEqual([
      "State of exception declared (Legislative Decree 333, 67 votes)",
    ]);
  });
});

describe("events related to indicators, as seeded", () => {
  it("stores for every dataset event the indicators its curation names", async () => {
    const stored = await storedRelation();
    expect(Object.keys(stored)).toHaveLength(dataset.events.length);
    for (const entry of curation.events) {
      expect(stored[entry.title_en], entry.title_en).toEqual(entry.indicators === "all" ? "all" : [...new Set(entry.indicators)].sort());
    }
  });

  it("gives the homicide rate its homicide events and the declaration, and no CECOT event", async () => {
    const titles = await titlesFor("homicide_rate");
    expect(titles).toContain("Police stop counting confrontation deaths and grave bodies as homicides");
    expect(titles).toContain("Government announces 2025 homicide rate of 1.3 (82 homicides)");
    expect(titles).toContain("Nayib Bukele takes office; Territorial Control Plan launched weeks later");
    expect(titles).toContain("State of exception declared (Legislative Decree 333, 67 votes)");
    expect(titles.filter((title) => /CECOT|Alien Enemies|extension/i.test(title))).toEqual([]);
    expect(titles.length).toBeLessThan(dataset.events.length / 2);
  });

  it("orders an indicator's events by date", async () => {
    const dates = (await events.eventsForIndicator(await idOf("homicide_rate"))).map((event) => event.startsOn);
    expect(dates).toEqual([...dates].sort());
  });

  it("attaches every renewal to the count of extensions, and CECOT events to CECOT's population", async () => {
    const renewals = await database.db.event.findMany({ where: { kind: "renewal" }, select: { titleEn: true } });
    expect(renewals.length).toBeGreaterThan(5);
    const extensions = await titlesFor("soe_extensions_count");
    for (const { titleEn } of renewals) expect(extensions).toContain(titleEn);
    const cecot = await titlesFor("cecot_inmates");
    expect(cecot).toContain("CECOT mega-prison inaugurated (stated capacity 40,000)");
    expect(cecot).not.toContain("Government announces 2025 homicide rate of 1.3 (82 homicides)");
  });

  it("keeps the date notes in both languages, the English one as the dataset gives it", async () => {
    const noted = dataset.events.filter((event) => event.dateNote);
    expect(noted.length).toBeGreaterThan(0);
    for (const event of noted) {
      const row = await database.db.event.findFirstOrThrow({ where: { titleEn: event.title_en } });
      expect(row.dateNoteEn).toBe(event.dateNote);
      const curated = curation.events.find((entry) => entry.title_en === event.title_en)!;
      expect(row.dateNoteEs).toBe(curated.dateNote_es);
      expect(row.dateNoteEs).not.toBe(row.dateNoteEn);
    }
  });

  it("filters the events page's list by indicator slug", async () => {
    const filtered = (await events.listEvents({ indicatorSlug: "children_detained" }, { page: 1, pageSize: 100 })).events;
    // Newest first: the declaration of March 2022 precedes every event about children, so it closes the list.
    expect(filtered.map((event) => event.titleEn)).toEqual([
      ...filtered.slice(0, -1).map((event) => event.titleEn),
      "State of exception declared (Legislative Decree 333, 67 votes)",
    ]);
    expect(filtered.some((event) => event.titleEn === "HRW report on children: 3,319 minors arrested")).toBe(true);
    for (const event of filtered)
      expect(event.appliesToAll || event.indicators.some(({ slug }) => slug === "children_detained")).toBe(true);
    expect((await events.listEvents({}, { page: 1, pageSize: 100 })).total).toBe(dataset.events.length);
  });

  it("adds nothing when the seed runs again", async () => {
    const before = { links: await database.db.eventIndicator.count(), relation: await storedRelation() };
    const { report } = await seedFromFiles(database.db);
    expect(report.eventIndicators).toEqual({ created: 0, updated: 0, unchanged: dataset.events.length });
    expect(report.events.created).toBe(0);
    expect({ links: await database.db.eventIndicator.count(), relation: await storedRelation() }).toEqual(before);
  });

  it("fills the relation of an installation seeded before events had indicators, once", async () => {
    const expected = await storedRelation();
    // As the migration leaves a database seeded before: no links, nothing marked as concerning all.
    await database.db.eventIndicator.deleteMany();
    await database.db.event.updateMany({ data: { appliesToAll: false } });
    const eventsBefore = await database.db.event.count();

    const { report } = await seedFromFiles(database.db);
    expect(report.eventIndicators.created + report.eventIndicators.updated).toBe(dataset.events.length);
    expect(await database.db.event.count()).toBe(eventsBefore);
    expect(await storedRelation()).toEqual(expected);

    const links = await database.db.eventIndicator.count();
    await seedFromFiles(database.db);
    expect(await database.db.eventIndicator.count()).toBe(links);
  });

  it("keeps indicators an editor gave an event when the seed runs again", async () => {
    const event = await database.db.event.findFirstOrThrow({
      where: { titleEn: "White House says US paid about $6 million to hold deportees" },
    });
    await database.db.eventIndicator.deleteMany({ where: { eventId: event.id } });
    await database.db.eventIndicator.create({ data: { eventId: event.id, indicatorId: await idOf("us_removals_to_cecot") } });
    await seedFromFiles(database.db);
    const slugs = await database.db.eventIndicator.findMany({
      where: { eventId: event.id },
      select: { indicator: { select: { slug: true } } },
    });
    expect(slugs.map(({ indicator }) => indicator.slug)).toEqual(["us_removals_to_cecot"]);
  });
});
