import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addFigures, createFixtureIndicator, denseFigures, mixedFigures } from "../../testing/figures-fixture";
import { createTestDatabase, type TestDatabase } from "../../testing/test-database";

// getIndicatorDigests reads per indicator only a few index probes and the tally; these tests hold
// it to what the old computation over every published figure gives.

let database: TestDatabase;
let overview: typeof import("./overview");
let observations: typeof import("../../testing/oracles/public-observations");

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  overview = await import("./overview");
  observations = await import("../../testing/oracles/public-observations");
  await createFixtureIndicator(database.db, "mixed", 1);
  await createFixtureIndicator(database.db, "dense", 2);
  await createFixtureIndicator(database.db, "empty", 3);
  const renewals = await createFixtureIndicator(database.db, "renewals", 4);
  const yearly = await createFixtureIndicator(database.db, "yearly", 5);
  await database.db.indicator.update({ where: { id: yearly.id }, data: { valueKind: "yearly_rate" } });
  await addFigures(database.db, [
    ...mixedFigures("mixed"),
    ...denseFigures("dense", 60, ["Ministerio de Seguridad", "Cristosal", "el faro"]),
    { indicator: "renewals", producer: "el faro", value: "36", asOf: "2025-03-01", datePrecision: "month" },
    { indicator: "renewals", producer: "Cristosal", value: "34", asOf: "2025-03-01", datePrecision: "month" },
    { indicator: "yearly", producer: "Ministerio de Seguridad", value: "1.3", asOf: "2025-01-01", datePrecision: "year" },
    { indicator: "yearly", producer: "el faro", value: "4.5", asOf: "2023-01-01", datePrecision: "year" },
  ]);
  // Official acts about the renewals indicator (and one about every indicator, which does not count).
  const source = await database.db.source.create({ data: { url: "https://example.org/decree" } });
  const event = (kind: "renewal" | "decree" | "report", appliesToAll = false) =>
    database.db.event.create({
      data: {
        kind,
        startsOn: new Date("2025-03-07"),
        datePrecision: "day",
        titleEn: kind,
        titleEs: kind,
        sourceId: source.id,
        appliesToAll,
      },
    });
  const renewal = await event("renewal");
  const report = await event("report");
  await event("decree", true);
  await database.db.eventIndicator.createMany({
    data: [
      { eventId: renewal.id, indicatorId: renewals.id },
      { eventId: report.id, indicatorId: yearly.id },
    ],
  });
});
afterAll(() => database.drop());

async function allPublished(slug: string) {
  const indicator = await database.db.indicator.findUniqueOrThrow({ where: { slug } });
  return (await observations.listPublicObservations(indicator.id)).filter((o) => o.status === "published");
}

const ids = (list: { id: string }[]) => list.map((o) => o.id).sort();

describe("getIndicatorDigests", () => {
  it("gives the headline figures, gap and counts the all-figures computation gives", async () => {
    const digests = await overview.getIndicatorDigests();
    for (const [slug, kind] of [
      ["mixed", "point_in_time_count"],
      ["dense", "point_in_time_count"],
      ["yearly", "yearly_rate"],
    ] as const) {
      const expected = overview.digest(kind, await allPublished(slug));
      const actual = digests.get(slug)!;
      expect(actual.official, slug).toEqual(expected.official);
      expect(actual.independent, slug).toEqual(expected.independent);
      expect(actual.gap, slug).toEqual(expected.gap);
      expect(actual.distance, slug).toEqual(expected.distance);
      expect(actual.officialRecord, slug).toBe(false);
      expect(actual.figureCount, slug).toBe(expected.figureCount);
      expect(actual.sourceCount, slug).toBe(expected.sourceCount);
    }
    expect(digests.has("empty")).toBe(false);
    // The mixed figures' latest official and independent overlap (December 2025 inside 2025): a gap.
    expect(digests.get("mixed")!.gap).not.toBeNull();
  });

  it("states the time between two latest figures it cannot compare", async () => {
    const yearly = (await overview.getIndicatorDigests()).get("yearly")!;
    expect([yearly.official?.value, yearly.independent?.value]).toEqual(["1.3", "4.5"]);
    expect(yearly.gap).toBeNull();
    expect(yearly.distance).toEqual({ kind: "apart", unit: "years", count: 2 });
  });

  it("points to official acts where an indicator has no official figure but decrees or renewals about it", async () => {
    const renewals = (await overview.getIndicatorDigests()).get("renewals")!;
    expect(renewals.official).toBeNull();
    expect(renewals.officialRecord).toBe(true);
    expect(overview.digest("cumulative_count", await allPublished("renewals"), true).officialRecord).toBe(true);
  });

  it("draws every figure of a short series and a bounded sample of real figures of a long one", async () => {
    const digests = await overview.getIndicatorDigests();
    expect(ids(digests.get("mixed")!.sample)).toEqual(ids(await allPublished("mixed")));

    const all = await allPublished("dense");
    const byId = new Map(all.map((o) => [o.id, o]));
    const sample = digests.get("dense")!.sample;
    for (const point of sample) {
      const { id, value, valueMax, asOf, datePrecision, producer, status } = byId.get(point.id)!;
      expect(point).toEqual({ id, value, valueMax, asOf, datePrecision, producer, status });
    }
    for (const producer of new Set(all.map((o) => o.producer.id))) {
      const series = all.filter((o) => o.producer.id === producer);
      const drawn = sample.filter((o) => o.producer.id === producer).map((o) => o.asOf);
      expect(drawn.length).toBeLessThanOrEqual(overview.SPARKLINE_POINTS);
      expect(drawn.length).toBeGreaterThan(1);
      // The sample spans the whole series: its first and latest day are drawn.
      expect(drawn).toContain(series[0]!.asOf);
      expect(drawn).toContain(series.at(-1)!.asOf);
    }
  });

  it("keeps counting right as figures are published, retracted, corrected and deleted", async () => {
    const { db } = database;
    const tallyMatchesFigures = async () => {
      const tally = await db.observationTally.findMany({ orderBy: [{ indicatorId: "asc" }, { producerId: "asc" }, { sourceId: "asc" }] });
      const counted = await db.$queryRawUnsafe<
        { indicatorId: string; producerId: string; sourceId: string; published: number; retracted: number }[]
      >(
        `SELECT "indicatorId", "producerId", "sourceId", count(*) FILTER (WHERE status = 'published')::int AS published,
                count(*) FILTER (WHERE status = 'retracted')::int AS retracted
         FROM "Observation" WHERE status IN ('published', 'retracted') GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
      );
      expect(tally).toEqual(counted);
    };
    await tallyMatchesFigures();
    const [first, second, third] = await db.observation.findMany({
      where: { status: "published" },
      orderBy: { createdAt: "asc" },
      take: 3,
    });
    const other = await db.source.create({ data: { url: "https://example.org/moved" } });
    await db.observation.update({ where: { id: first!.id }, data: { status: "retracted", retractionReason: "test" } });
    await db.observation.update({ where: { id: second!.id }, data: { sourceId: other.id, version: { increment: 1 } } });
    await db.observation.updateMany({ where: { status: "draft" }, data: { status: "published" } });
    await db.observation.delete({ where: { id: third!.id } });
    await tallyMatchesFigures();
    expect((await overview.getIndicatorDigests()).get("mixed")!.figureCount).toBe((await allPublished("mixed")).length);
  });
});
