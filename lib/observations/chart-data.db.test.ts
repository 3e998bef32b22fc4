import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildChartModel } from "@/components/charts/chart-model";
import { summarizeFigures } from "@/components/charts/describe-chart";
import { DEFAULT_CHART_STATE, type ChartState } from "../charts/chart-state";
import { pointsPerSeries, thinningOf } from "./chart-points";
import type { PublicObservation } from "./types";
import { addFigures, createFixtureIndicator, denseFigures, mixedFigures } from "../../testing/figures-fixture";
import { createTestDatabase, type TestDatabase } from "../../testing/test-database";

let database: TestDatabase;
let chartData: typeof import("./chart-data");
let observations: typeof import("../../testing/oracles/public-observations");
const indicatorIds: Record<string, string> = {};

const DENSE_PRODUCERS = ["Ministerio de Seguridad", "Cristosal", "Ñandú Observatorio"];

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  chartData = await import("./chart-data");
  observations = await import("../../testing/oracles/public-observations");
  for (const slug of ["mixed", "dense"]) indicatorIds[slug] = (await createFixtureIndicator(database.db, slug)).id;
  await addFigures(database.db, [...mixedFigures("mixed"), ...denseFigures("dense", 700, DENSE_PRODUCERS)]);
  const stored = [
    ...(await observations.listPublicObservations(indicatorIds.mixed!)),
    ...(await observations.listPublicObservations(indicatorIds.dense!)),
  ];
  storedOrder = new Map(stored.map((o, index) => [o.id, index]));
});
afterAll(() => database.drop());

type View = Pick<ChartState, "hidden" | "from" | "to" | "sources">;
const view = (change: Partial<View> = {}): ChartState => ({ ...DEFAULT_CHART_STATE, ...change });

/** What the chart drew before thinning, and what it described: from the full list of figures. */
async function reference(slug: string, state: ChartState) {
  const all = await observations.listPublicObservations(indicatorIds[slug]!);
  const drawnWith = (hidden: ChartState["hidden"]) =>
    buildChartModel(all, [], { ...state, hidden }).series.flatMap((series) => series.points.map((point) => point.observation));
  return { all, drawn: drawnWith(state.hidden), inRange: drawnWith([]) };
}

const ids = (list: { id: string }[]) => list.map((o) => o.id).sort();
let storedOrder: Map<string, number>;
/** Back in the order listPublicObservations gives (oldest first), which the chart model regroups. */
const sortedAsStored = (list: PublicObservation[]) => [...list].sort((a, b) => storedOrder.get(a.id)! - storedOrder.get(b.id)!);

describe("getChartData on a series that fits", () => {
  const views: [string, Partial<View>][] = [
    ["everything", {}],
    ["without the government", { hidden: ["government"] }],
    ["from 2023, keeping a 2022 yearly figure out and a December month in", { from: 2023 }],
    ["up to 2022", { to: 2022 }],
    ["a single year", { from: 2025, to: 2025 }],
    ["nothing shown", { hidden: ["government", "ngo", "academic", "media", "intergovernmental"] }],
  ];
  it.each(views)("draws exactly the figures the full list gives: %s", async (_, change) => {
    const state = view(change);
    const { drawn } = await reference("mixed", state);
    const data = await chartData.getChartData(indicatorIds.mixed!, state);
    expect(ids(data.observations)).toEqual(ids(drawn));
    for (const figure of data.observations) expect(figure).toEqual(drawn.find((o) => o.id === figure.id));
    expect(data.thinned).toBe(false);
    expect(data.visibleCount).toBe(drawn.length);
    // The text alternative's facts: every figure the chart shows, hidden series left out as the chart leaves them.
    expect(data.summary).toEqual(summarizeFigures(sortedAsStored(drawn)));
  });
});

describe("getChartData on dense series", () => {
  let all: PublicObservation[];
  let published: PublicObservation[];
  beforeAll(async () => {
    all = await observations.listPublicObservations(indicatorIds.dense!);
    published = all.filter((o) => o.status === "published");
  });

  it("draws only stored figures, at most the bound per series, and says how many of how many", async () => {
    const data = await chartData.getChartData(indicatorIds.dense!, view());
    const bound = pointsPerSeries(DENSE_PRODUCERS.length);
    const byId = new Map(all.map((o) => [o.id, o]));
    expect(data.thinned).toBe(true);
    expect(data.visibleCount).toBe(published.length);
    expect(data.observations.length).toBeLessThan(published.length);
    expect(new Set(data.observations.map((o) => o.id)).size).toBe(data.observations.length);
    for (const point of data.observations) {
      expect(point).toEqual(byId.get(point.id));
      expect(point.status).toBe("published");
    }
    for (const producer of DENSE_PRODUCERS) {
      expect(data.observations.filter((o) => o.producer.name === producer).length).toBeLessThanOrEqual(bound);
    }
    expect(thinningOf(data)).toEqual({ shown: data.observations.length, total: published.length });
  });

  it("keeps each series' first and last figure, its extremes and hedged figures, so the chart's shape and scale are the real ones", async () => {
    const data = await chartData.getChartData(indicatorIds.dense!, view());
    const drawn = new Set(data.observations.map((o) => o.id));
    for (const producer of DENSE_PRODUCERS) {
      const series = published.filter((o) => o.producer.name === producer);
      const top = (o: PublicObservation) => Number(o.valueMax ?? o.value);
      const highest = Math.max(...series.map(top));
      const lowest = Math.min(...series.map((o) => Number(o.value)));
      expect(drawn.has(series[0]!.id), `${producer} first`).toBe(true);
      expect(drawn.has(series.at(-1)!.id), `${producer} last`).toBe(true);
      expect(
        series.some((o) => top(o) === highest && drawn.has(o.id)),
        `${producer} highest`,
      ).toBe(true);
      expect(
        series.some((o) => Number(o.value) === lowest && drawn.has(o.id)),
        `${producer} lowest`,
      ).toBe(true);
      const hedged = series.filter((o) => o.qualifier !== "exact");
      expect(hedged.length).toBeGreaterThan(0);
      expect(
        hedged.some((o) => drawn.has(o.id)),
        `${producer} hedged`,
      ).toBe(true);
    }
    // Same axes as the full data would give.
    const full = buildChartModel(published, [], view());
    const thinned = buildChartModel(data.observations, [], view());
    expect(thinned.yTicks).toEqual(full.yTicks);
    expect(thinned.xTicks).toEqual(full.xTicks);
    expect(thinned.series.map((s) => s.producerName)).toEqual(full.series.map((s) => s.producerName));
  });

  it("describes every figure of the shown series in range, not only the drawn ones", async () => {
    for (const change of [{}, { from: 2020, to: 2021 }, { hidden: ["ngo" as const] }]) {
      const state = view(change);
      const data = await chartData.getChartData(indicatorIds.dense!, state);
      const { drawn } = await reference("dense", state);
      expect(data.summary).toEqual(summarizeFigures(sortedAsStored(drawn)));
    }
  });
});

describe("first-hand sources only", () => {
  let figures: typeof import("./indicator-figures");
  beforeAll(async () => {
    figures = await import("./indicator-figures");
    // Every class among the mixed figures' sources: most primary, some press, some secondary.
    await database.db.source.updateMany({ data: { sourceClass: "primary" } });
    await database.db.source.updateMany({ where: { url: { endsWith: "/1" } }, data: { sourceClass: "press" } });
    await database.db.source.updateMany({
      where: { OR: [{ url: { endsWith: "/0" } }, { url: { endsWith: "/4" } }] },
      data: { sourceClass: "secondary" },
    });
  });

  const selections: [string, Partial<ChartState>][] = [
    ["everything", {}],
    ["without the government", { hidden: ["government"] }],
    ["up to 2022", { to: 2022 }],
  ];
  it.each(selections)("leaves out the secondary sources' figures, in the chart and the table, and counts them: %s", async (_, change) => {
    const everySource = view(change);
    const firstHand = view({ ...change, sources: "firsthand" });
    const { drawn } = await reference("mixed", everySource);
    const secondary = drawn.filter((o) => o.source.class === "secondary");
    expect(secondary.length, "the fixture has secondary figures in this view").toBeGreaterThan(0);

    const withEverySource = await chartData.getChartData(indicatorIds.mixed!, everySource);
    expect(ids(withEverySource.observations)).toEqual(ids(drawn));
    expect(withEverySource.hiddenSecondary).toBe(0);

    const chart = await chartData.getChartData(indicatorIds.mixed!, firstHand);
    const kept = drawn.filter((o) => o.source.class !== "secondary");
    expect(ids(chart.observations)).toEqual(ids(kept));
    expect(chart.hiddenSecondary).toBe(secondary.length);
    expect(chart.summary).toEqual(summarizeFigures(sortedAsStored(kept)));

    const table = await figures.listObservationPage(indicatorIds.mixed!, { ...firstHand, page: 1 }, 500);
    expect(table.rows.filter((o) => o.source.class === "secondary")).toEqual([]);
    expect(ids(table.rows.filter((o) => o.status === "published"))).toEqual(ids(kept));
    const counts = await figures.countSelection(indicatorIds.mixed!, firstHand);
    expect(counts).toMatchObject({ selected: kept.length, hiddenSecondary: secondary.length, anySecondary: true });
    expect((await figures.countSelection(indicatorIds.mixed!, everySource)).hiddenSecondary).toBe(0);
  });
});
