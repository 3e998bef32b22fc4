import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFixtureIndicator, seededRandom } from "../../testing/figures-fixture";
import { createTestDatabase, type TestDatabase } from "../../testing/test-database";
import type { PublicObservation } from "./types";
import type { ApiObservation } from "./shapes";
import { decimalTextOf, type ExactNumber } from "../public-api/json";
import type { ObservationFilter, SeriesPosition } from "./api-queries";

// The observations API reads a page in one SQL statement. Here it is checked against the independent
// oracle (testing/oracles/public-observations.ts, read through Prisma and mapped on its own) for a
// spread of filters, page sizes and cursors, and against Prisma's read of the same figures through
// the API's mapper, byte for byte.

let database: TestDatabase;
let queries: typeof import("./api-queries");
let oracle: typeof import("../../testing/oracles/public-observations");
let shapes: typeof import("./shapes");
let json: typeof import("../public-api/json");

const SLUG = "sql_reader_rate";
const PRODUCERS = [
  { name: "Ministerio", type: "government" },
  { name: "Policía", type: "government" },
  { name: "Cristosal", type: "ngo" },
  { name: "Universidad", type: "academic" },
  { name: "Diario", type: "media" },
] as const;

/** Sources as links are found: every class, with and without days and archive copies, one gone and one back. */
async function createSources() {
  const { db } = database;
  return Promise.all([
    db.source.create({ data: { url: "https://example.org/bulletin", publisher: "Ministerio", sourceClass: "primary" } }),
    db.source.create({
      data: {
        url: "https://example.org/news",
        publisher: null,
        sourceClass: "press",
        publishedAt: new Date("2024-02-29T00:00:00Z"),
        retrievedAt: new Date("2025-01-31T00:00:00Z"),
        archivedUrl: "https://web.archive.org/web/2025/https://example.org/news",
        linkState: "broken",
        linkBrokenSince: new Date("2025-06-30T23:59:59.123Z"),
      },
    }),
    db.source.create({
      data: {
        url: "https://example.org/report",
        publisher: "Cristosal",
        sourceClass: "secondary",
        retrievedAt: new Date("2023-12-31T00:00:00Z"),
        // Found gone once, answering again: no broken-since day is given.
        linkState: "ok",
        linkBrokenSince: new Date("2024-01-01T00:00:00Z"),
      },
    }),
  ]);
}

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  queries = await import("./api-queries");
  oracle = await import("../../testing/oracles/public-observations");
  shapes = await import("./shapes");
  json = await import("../public-api/json");
  const { db } = database;
  const indicator = await createFixtureIndicator(db, SLUG);
  // Another indicator's figures on the same days must never leak in.
  const neighbour = await createFixtureIndicator(db, "sql_reader_neighbour", 1);
  await createFixtureIndicator(db, "sql_reader_empty", 2);
  const producers = await Promise.all(PRODUCERS.map((producer) => db.producer.create({ data: producer })));
  const sources = await createSources();
  const random = seededRandom(17);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  // Few distinct days for many figures, so (asOf, id) ties cross page boundaries.
  const days = ["2018-01-01", "2019-06-30", "2020-01-01", "2020-02-29", "2021-12-31", "2023-01-01", "2024-07-15", "2025-03-01"];
  for (let index = 0; index < 90; index++) {
    const status = pick(["published", "published", "published", "retracted", "draft"] as const);
    const hasMax = random() < 0.2;
    await db.observation.create({
      data: {
        indicatorId: index % 9 === 0 ? neighbour.id : indicator.id,
        producerId: pick(producers).id,
        sourceId: pick(sources).id,
        value: pick(["10.4", "0.5", "1234.0000000001", "-3", "7.25"]),
        valueMax: hasMax ? "9999.5" : null,
        qualifier: hasMax ? "about" : pick(["exact", "at_least", "up_to"] as const),
        asOf: new Date(`${pick(days)}T00:00:00Z`),
        datePrecision: pick(["day", "month", "year"] as const),
        attribution: `Attribution ${index}`,
        noteEn: random() < 0.3 ? `Note ${index} with "quotes" and ünïcode` : null,
        noteEs: random() < 0.3 ? `Nota ${index}` : null,
        status,
        version: 1 + (index % 3),
        retractedAt: status === "retracted" ? new Date(Date.UTC(2025, 0, 1, 12, 0, index)) : null,
        retractionReason: status === "retracted" ? `Withdrawn by the producer (${index})` : index % 7 === 0 ? "stale reason" : null,
      },
    });
  }
});
afterAll(() => database.drop());

const withoutMark = (value: ExactNumber | null) => (value === null ? null : decimalTextOf(value));

/** What the oracle knows of an API figure (it reads no version or updatedAt; those are checked apart). */
function comparable(observation: ApiObservation) {
  const { id, indicator, value, valueMax, qualifier, asOf, datePrecision, producer, source, attribution, note, status } = observation;
  return {
    id,
    indicatorSlug: indicator,
    value: withoutMark(value),
    valueMax: withoutMark(valueMax),
    qualifier,
    asOf,
    datePrecision,
    producer,
    source,
    attribution,
    noteEn: note.en,
    noteEs: note.es,
    status,
    retractionReason: observation.retractionReason,
  };
}

function fromOracle(observation: PublicObservation) {
  const { producer, retraction, ...facts } = observation;
  return { ...facts, producer: { name: producer.name, type: producer.type }, retractionReason: retraction?.reason ?? null };
}

/** The oracle's figures the filter asks for, in the API's (asOf, id) order, as Prisma sorts them on its own. */
async function expectedFigures(filter: ObservationFilter) {
  const indicator = await database.db.indicator.findUniqueOrThrow({ where: { slug: filter.slug } });
  const order = await database.db.observation.findMany({
    where: { indicatorId: indicator.id },
    orderBy: [{ asOf: "asc" }, { id: "asc" }],
    select: { id: true },
  });
  const position = new Map(order.map((row, index) => [row.id, index]));
  return (await oracle.listPublicObservations(indicator.id))
    .filter((figure) => filter.includeRetracted || figure.status === "published")
    .filter((figure) => !filter.from || figure.asOf >= filter.from)
    .filter((figure) => !filter.to || figure.asOf <= filter.to)
    .filter((figure) => !filter.producerTypes || filter.producerTypes.includes(figure.producer.type))
    .filter((figure) => !filter.sourceClasses || filter.sourceClasses.includes(figure.source.class))
    .sort((a, b) => position.get(a.id)! - position.get(b.id)!);
}

/** Every page, following each page's `next` as a client follows the cursor. */
async function readAllPages(filter: ObservationFilter, limit: number) {
  const pages: ApiObservation[][] = [];
  let after: SeriesPosition | null = null;
  for (;;) {
    const page: Awaited<ReturnType<typeof queries.readApiObservationPage>> = await queries.readApiObservationPage(filter, after, limit);
    if (!page) throw new Error(`no indicator ${filter.slug}`);
    expect(page.indicator).toMatchObject({ nameEn: expect.any(String), nameEs: expect.any(String) });
    pages.push(page.observations);
    if (!page.next) return pages;
    // A cursor that does not move on would page forever.
    if (pages.length > 200) throw new Error("the cursor does not advance");
    expect(page.observations).toHaveLength(limit);
    after = page.next;
  }
}

const FILTERS: Omit<ObservationFilter, "slug">[] = [
  { includeRetracted: false },
  { includeRetracted: true },
  { includeRetracted: false, from: "2020-01-01" },
  { includeRetracted: true, to: "2020-02-29" },
  { includeRetracted: true, from: "2019-06-30", to: "2023-01-01" },
  { includeRetracted: false, producerTypes: ["ngo"] },
  { includeRetracted: true, producerTypes: ["government", "academic"] },
  { includeRetracted: true, producerTypes: ["media"], from: "2020-02-29", to: "2025-03-01" },
  { includeRetracted: false, from: "2026-01-01" },
  { includeRetracted: false, sourceClasses: ["primary", "press"] },
  { includeRetracted: true, sourceClasses: ["secondary"], producerTypes: ["government", "ngo"] },
];

describe("readApiObservationPage", () => {
  it.each(FILTERS.flatMap((filter) => [1, 4, 25, 1000].map((limit) => [JSON.stringify(filter), limit, filter] as const)))(
    "%s in pages of %i gives the oracle's figures, each once, in (asOf, id) order",
    async (_label, limit, rest) => {
      const filter = { slug: SLUG, ...rest };
      const expected = (await expectedFigures(filter)).map(fromOracle);
      const pages = await readAllPages(filter, limit);
      expect(pages.flat().map(comparable)).toEqual(expected);
      if (limit === 1000) expect(pages).toHaveLength(1);
    },
  );

  it("covers retracted figures, broken links, ranges and notes, so the comparisons above mean something", async () => {
    const figures = (await readAllPages({ slug: SLUG, includeRetracted: true }, 1000)).flat();
    expect(figures.length).toBeGreaterThan(40);
    expect(figures.some((figure) => figure.status === "retracted" && figure.retractionReason)).toBe(true);
    // A published figure's stale retraction reason is never given out.
    expect(figures.filter((figure) => figure.status === "published").every((figure) => figure.retractionReason === null)).toBe(true);
    expect(figures.some((figure) => figure.source.brokenSince === "2025-06-30")).toBe(true);
    expect(new Set(figures.map((figure) => figure.source.class))).toEqual(new Set(["primary", "press", "secondary"]));
    expect(figures.some((figure) => figure.valueMax !== null)).toBe(true);
    expect(figures.some((figure) => withoutMark(figure.value) === "1234.0000000001")).toBe(true);
  });

  it("writes the same JSON, byte for byte, as Prisma's read through the API's mapper, versions and update times included", async () => {
    const filter = { slug: SLUG, includeRetracted: true };
    const indicator = await database.db.indicator.findUniqueOrThrow({ where: { slug: SLUG } });
    const rows = await database.db.observation.findMany({
      where: { indicatorId: indicator.id, status: { in: ["published", "retracted"] } },
      select: shapes.API_OBSERVATION_SELECT,
      orderBy: [{ asOf: "asc" }, { id: "asc" }],
    });
    const page = await queries.readApiObservationPage(filter, null, 1000);
    expect(json.stringifyWithExactNumbers(page!.observations)).toBe(
      json.stringifyWithExactNumbers(rows.map((row) => shapes.toApiObservation(SLUG, row))),
    );
  });

  it("starts after the cursor's figure, even among figures of the same day", async () => {
    const filter = { slug: SLUG, includeRetracted: false };
    const all = (await readAllPages(filter, 1000)).flat();
    const middle = all[Math.floor(all.length / 2)]!;
    expect(all.filter((figure) => figure.asOf === middle.asOf).length).toBeGreaterThan(1);
    const page = await queries.readApiObservationPage(filter, { asOf: new Date(`${middle.asOf}T00:00:00Z`), id: middle.id }, 1000);
    expect(page!.observations.map((figure) => figure.id)).toEqual(all.slice(all.indexOf(middle) + 1).map((figure) => figure.id));
    expect(page!.next).toBeNull();
  });

  it("tells an unknown indicator (null) from one with no figure that matches (an empty page)", async () => {
    expect(await queries.readApiObservationPage({ slug: "no_such_indicator", includeRetracted: true }, null, 10)).toBeNull();
    const empty = await queries.readApiObservationPage({ slug: "sql_reader_empty", includeRetracted: true }, null, 10);
    expect(empty).toEqual({ indicator: expect.objectContaining({ nameEn: expect.any(String) }), observations: [], next: null });
  });
});
