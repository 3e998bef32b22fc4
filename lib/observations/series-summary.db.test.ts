import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_CHART_STATE } from "../charts/chart-state";
import { pointsPerSeries } from "./chart-points";
import { periodEnd } from "./period";
import { SPARKLINE_POINTS } from "../indicators/overview";
import type { DatePrecision } from "./types";
import { createFixtureIndicator } from "../../testing/figures-fixture";
import { createTestDatabase, type TestDatabase } from "../../testing/test-database";

// The series summaries (SeriesSummary, kept by a trigger in the migration series_summaries) must
// always equal what the figures give: after random sequences of writes of every kind the readers
// and writers use (drafts, single and bulk publishes, corrections, retractions, bulk loads of
// published figures, deletions), each stored summary is compared with a full recompute.

let database: TestDatabase;
let chartData: typeof import("./chart-data");
let mutations: typeof import("./mutations");
let runTransaction: typeof import("../db/transaction").runTransaction;
let sourceId: string;
const indicatorIds: string[] = [];
const producerIds: string[] = [];
// Ten producers, two official: an indicator with all of them gives each series 40 points, so short
// series thin; one producer alone gives 300.
const PRODUCERS = Array.from({ length: 10 }, (_, index) => ({
  name: `Summary producer ${index}`,
  type: index < 2 ? ("government" as const) : index % 2 ? ("ngo" as const) : ("media" as const),
}));

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  chartData = await import("./chart-data");
  mutations = await import("./mutations");
  ({ runTransaction } = await import("../db/transaction"));
  for (const slug of ["summary_a", "summary_b", "summary_c"]) indicatorIds.push((await createFixtureIndicator(database.db, slug)).id);
  for (const producer of PRODUCERS) producerIds.push((await database.db.producer.create({ data: producer })).id);
  sourceId = (await database.db.source.create({ data: { url: "https://example.org/summaries" } })).id;
});
afterAll(() => database.drop());

type Figure = { id: string; producerId: string; asOf: Date; datePrecision: DatePrecision; createdAt: Date };
const day = (date: Date) => Math.round(date.getTime() / 86_400_000);
const iso = (date: Date) => date.toISOString().slice(0, 10);
const pend = (figure: Figure) => periodEnd({ asOf: iso(figure.asOf), datePrecision: figure.datePrecision });
const compare = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);
/** Period end, then date, then creation, then id: the order latestFigure and the chart's ends use. */
const byEnd = (a: Figure, b: Figure) =>
  compare(pend(a), pend(b)) ||
  compare(day(a.asOf), day(b.asOf)) ||
  compare(a.createdAt.getTime(), b.createdAt.getTime()) ||
  compare(a.id, b.id);
const byDate = (a: Figure, b: Figure) =>
  compare(day(a.asOf), day(b.asOf)) || compare(a.createdAt.getTime(), b.createdAt.getTime()) || compare(a.id, b.id);

/** The sparkline sample of one series, recomputed the plain way: its figures whole, or per date precision the first on or after each evenly spaced day. */
function referenceSample(figures: Figure[]): string[] {
  if (figures.length <= SPARKLINE_POINTS) return figures.map((f) => f.id).sort();
  const picked = new Set<string>();
  for (const precision of new Set(figures.map((f) => f.datePrecision))) {
    const own = figures.filter((f) => f.datePrecision === precision).sort(byDate);
    const first = day(own[0]!.asOf);
    const span = Math.max(...own.map((f) => day(f.asOf))) - first;
    for (let slot = 0; slot < SPARKLINE_POINTS; slot++) {
      const from = first + Math.floor((span * slot) / (SPARKLINE_POINTS - 1));
      picked.add(own.find((f) => day(f.asOf) >= from)!.id);
    }
  }
  return [...picked].sort();
}

/** Every series' summary recomputed from the published figures, beside the stored one. */
async function assertSummariesExact() {
  const figures = await database.db.observation.findMany({
    where: { status: "published" },
    select: { id: true, indicatorId: true, producerId: true, asOf: true, datePrecision: true, createdAt: true },
  });
  const stored = await database.db.seriesSummary.findMany();
  const expected = new Map<string, Figure[]>();
  for (const figure of figures) {
    const key = `${figure.indicatorId}/${figure.producerId}`;
    expected.set(key, [...(expected.get(key) ?? []), figure]);
  }
  expect(stored.map((row) => `${row.indicatorId}/${row.producerId}`).sort()).toEqual([...expected.keys()].sort());
  for (const row of stored) {
    const series = expected.get(`${row.indicatorId}/${row.producerId}`)!;
    const ordered = [...series].sort(byEnd);
    const seriesCount = stored.filter((other) => other.indicatorId === row.indicatorId).length;
    expect(row.figures).toBe(series.length);
    expect(row.earliestId).toBe(ordered[0]!.id);
    expect(row.latestId).toBe(ordered.at(-1)!.id);
    expect([...row.sampleIds].sort()).toEqual(referenceSample(series));
    expect(row.pointBound).toBe(pointsPerSeries(seriesCount));
  }
  // The default chart read from the stored points is the chart the figures themselves give.
  for (const indicatorId of indicatorIds) {
    const fromSummaries = await chartData.getChartData(indicatorId, DEFAULT_CHART_STATE);
    const scanned = await chartData.scanChartData(indicatorId, DEFAULT_CHART_STATE);
    expect(fromSummaries).toEqual(scanned);
  }
}

const PRECISIONS = ["day", "month", "year"] as const;
type Batch = { indicator: number; producer: number; count: number; start: number; step: number; precision: number; values: number[] };
type Edit =
  | { kind: "drafts"; batch: Batch }
  | { kind: "load"; batch: Batch }
  | { kind: "publishOne"; pick: number }
  | { kind: "publishMany"; indicator: number | null }
  | { kind: "correct"; pick: number; value: number; shift: number; precision: number }
  | { kind: "retract"; pick: number }
  | { kind: "retractMany"; producer: number }
  | { kind: "delete"; pick: number };

const batch = fc.record({
  indicator: fc.nat({ max: 2 }),
  producer: fc.nat({ max: 9 }),
  count: fc.integer({ min: 1, max: 70 }),
  start: fc.nat({ max: 3000 }),
  step: fc.integer({ min: 0, max: 40 }),
  precision: fc.nat({ max: 3 }),
  values: fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 5 }),
});
const pick = fc.nat({ max: 10_000 });
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant("drafts" as const), batch }),
  fc.record({ kind: fc.constant("load" as const), batch }),
  fc.record({ kind: fc.constant("publishOne" as const), pick }),
  fc.record({ kind: fc.constant("publishMany" as const), indicator: fc.option(fc.nat({ max: 2 })) }),
  fc.record({
    kind: fc.constant("correct" as const),
    pick,
    value: fc.integer({ min: 0, max: 6 }),
    shift: fc.integer({ min: -400, max: 400 }),
    precision: fc.nat({ max: 2 }),
  }),
  fc.record({ kind: fc.constant("retract" as const), pick }),
  fc.record({ kind: fc.constant("retractMany" as const), producer: fc.nat({ max: 9 }) }),
  fc.record({ kind: fc.constant("delete" as const), pick }),
);

const BASE_DAY = Date.UTC(2015, 0, 1);
/** Figures of one series; precision 3 mixes day, month and year. A month or year figure starts on its period's first day, save the odd one on the 31st. */
function figuresOf(b: Batch, status: "draft" | "published") {
  return Array.from({ length: b.count }, (_, index) => {
    const precision = PRECISIONS[b.precision === 3 ? index % 3 : b.precision]!;
    const date = new Date(BASE_DAY + (b.start + index * b.step) * 86_400_000);
    if (precision !== "day" && index % 7 !== 3) date.setUTCDate(1);
    if (precision === "year" && index % 7 !== 3) date.setUTCMonth(0);
    const value = b.values[index % b.values.length]!;
    return {
      indicatorId: indicatorIds[b.indicator]!,
      producerId: producerIds[b.producer]!,
      sourceId,
      value: String(value),
      valueMax: index % 9 === 4 ? String(value + 2) : null,
      qualifier: index % 5 === 2 ? ("about" as const) : ("exact" as const),
      asOf: date,
      datePrecision: precision,
      attribution: "Test",
      status,
    };
  });
}

async function publishedIds() {
  return (await database.db.observation.findMany({ where: { status: "published" }, select: { id: true }, orderBy: { id: "asc" } })).map(
    (row) => row.id,
  );
}

/** A corrected figure stays the revision target of its correction, which the schema keeps from deletion. */
async function deletablePublishedIds() {
  return (
    await database.db.observation.findMany({
      where: { status: "published", revisions: { none: {} } },
      select: { id: true },
      orderBy: { id: "asc" },
    })
  ).map((row) => row.id);
}

async function apply(change: Edit) {
  const db = database.db;
  switch (change.kind) {
    case "drafts":
      await db.observation.createMany({ data: figuresOf(change.batch, "draft") });
      return;
    case "load":
      // A bulk load of published figures in one statement, as the seed and the dataset upgrade write them.
      await db.observation.createMany({ data: figuresOf(change.batch, "published") });
      return;
    case "publishOne": {
      const drafts = await db.observation.findMany({
        where: { status: "draft", revisionOfId: null },
        select: { id: true },
        orderBy: { id: "asc" },
      });
      if (drafts.length === 0) return;
      await db.observation.update({
        where: { id: drafts[change.pick % drafts.length]!.id },
        data: { status: "published", publishedAt: new Date() },
      });
      return;
    }
    case "publishMany":
      // One statement for the whole batch, as the review queue's batch publish writes it.
      await db.$executeRawUnsafe(
        `UPDATE "Observation" SET status = 'published', "publishedAt" = now(), version = version + 1
         WHERE status = 'draft' AND "revisionOfId" IS NULL AND ($1::text IS NULL OR "indicatorId" = $1)`,
        change.indicator === null ? null : indicatorIds[change.indicator]!,
      );
      return;
    case "correct": {
      const ids = await publishedIds();
      if (ids.length === 0) return;
      const id = ids[change.pick % ids.length]!;
      await runTransaction(db, async (tx) => {
        const current = await mutations.loadForUpdate(tx, id);
        const asOf = new Date(current.asOf.getTime() + change.shift * 86_400_000);
        const { proposal } = await mutations.proposeCorrection(
          tx,
          null,
          current,
          {
            indicatorId: current.indicatorId,
            producerId: current.producerId,
            sourceId: current.sourceId,
            value: String(change.value),
            valueMax: null,
            qualifier: current.qualifier,
            asOf,
            datePrecision: PRECISIONS[change.precision]!,
            attribution: current.attribution,
            noteEn: "corrected",
            noteEs: null,
          },
          "Test correction",
        );
        await mutations.applyCorrection(tx, null, proposal);
      });
      return;
    }
    case "retract": {
      const ids = await publishedIds();
      if (ids.length === 0) return;
      const id = ids[change.pick % ids.length]!;
      await runTransaction(db, async (tx) =>
        mutations.retractPublished(tx, null, await mutations.loadForUpdate(tx, id), "Test retraction"),
      );
      return;
    }
    case "retractMany":
      await db.observation.updateMany({
        where: { status: "published", producerId: producerIds[change.producer]! },
        data: { status: "retracted", retractedAt: new Date(), retractionReason: "Test" },
      });
      return;
    case "delete": {
      const ids = await deletablePublishedIds();
      if (ids.length === 0) return;
      await db.observation.delete({ where: { id: ids[change.pick % ids.length]! } });
      return;
    }
  }
}

describe("series summaries", () => {
  it("chart_points_per_series in the database is pointsPerSeries", async () => {
    const counts = Array.from({ length: 40 }, (_, index) => index);
    const rows = await database.db.$queryRawUnsafe<{ series: number; bound: number }[]>(
      `SELECT n AS series, "chart_points_per_series"(n) AS bound FROM unnest($1::int[]) AS n ORDER BY n`,
      counts,
    );
    expect(rows.map((row) => row.bound)).toEqual(counts.map(pointsPerSeries));
  });

  it("equal a full recompute from the figures after any sequence of drafts, publishes, corrections, retractions and deletions", async () => {
    // A start where thinning happens: the first indicator has all ten producers (40 points a
    // series) and two of its series are longer than that.
    for (const [producer, count] of [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((p) => [p, p < 2 ? 90 : 3] as const)) {
      await apply({
        kind: "load",
        batch: { indicator: 0, producer, count, start: producer * 11, step: 5, precision: 3, values: [3, 1, 4, 1, 5] },
      });
    }
    await assertSummariesExact();
    const thinned = await chartData.getChartData(indicatorIds[0]!, DEFAULT_CHART_STATE);
    expect(thinned.thinned).toBe(true);
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 10 }), async (edits) => {
        for (const change of edits) await apply(change);
        await assertSummariesExact();
      }),
      { numRuns: 12 },
    );
  }, 400_000);

  it("are gone with their figures", async () => {
    await database.db.$executeRawUnsafe(`DELETE FROM "Observation"`);
    expect(await database.db.seriesSummary.count()).toBe(0);
    await database.db.observation.createMany({
      data: figuresOf({ indicator: 0, producer: 0, count: 400, start: 0, step: 3, precision: 3, values: [1, 5, 2] }, "published"),
    });
    await assertSummariesExact();
    await database.db.$executeRawUnsafe(`TRUNCATE "Observation" CASCADE`);
    expect(await database.db.seriesSummary.count()).toBe(0);
  });
});
