import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SORT_KEYS } from "../charts/chart-state";
import { buildChartModel } from "@/components/charts/chart-model";
import { sortObservations } from "../../testing/oracles/sort-observations";
import { addFigures, createFixtureIndicator, denseFigures, mixedFigures } from "../../testing/figures-fixture";
import { createTestDatabase, type TestDatabase } from "../../testing/test-database";

let database: TestDatabase;
let figures: typeof import("./indicator-figures");
let observations: typeof import("../../testing/oracles/public-observations");
const indicatorIds: Record<string, string> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  figures = await import("./indicator-figures");
  observations = await import("../../testing/oracles/public-observations");
  for (const slug of ["mixed", "dense", "empty"]) indicatorIds[slug] = (await createFixtureIndicator(database.db, slug)).id;
  await addFigures(database.db, [
    ...mixedFigures("mixed"),
    ...denseFigures("dense", 40, ["Ministerio de Seguridad", "Cristosal", "el faro", "Ñandú Observatorio"]),
  ]);
});
afterAll(() => database.drop());

const list = (slug: string) => observations.listPublicObservations(indicatorIds[slug]!);

describe("listObservationPage", () => {
  it.each(SORT_KEYS.flatMap((sort) => (["asc", "desc"] as const).map((dir) => [sort, dir] as const)))(
    "shows every figure exactly once across the pages, in the full table's order (%s %s)",
    async (sort, dir) => {
      for (const [slug, pageSize] of [
        ["mixed", 4],
        ["dense", 37],
      ] as const) {
        const expected = sortObservations(await list(slug), sort, dir);
        const first = await figures.listObservationPage(indicatorIds[slug]!, { sort, dir, page: 1 }, pageSize);
        expect(first.total).toBe(expected.length);
        expect(first.pageCount).toBe(Math.ceil(expected.length / pageSize));
        const seen = [...first.rows];
        for (let page = 2; page <= first.pageCount; page++) {
          const next = await figures.listObservationPage(indicatorIds[slug]!, { sort, dir, page }, pageSize);
          expect(next.page).toBe(page);
          expect(next.rows.length).toBeLessThanOrEqual(pageSize);
          seen.push(...next.rows);
        }
        expect(seen).toEqual(expected);
      }
    },
  );

  it("shows the last page for a page past the end, and an empty table for an indicator without figures", async () => {
    const past = await figures.listObservationPage(indicatorIds.mixed!, { sort: "asOf", dir: "asc", page: 99 }, 5);
    expect(past.page).toBe(past.pageCount);
    expect(past.rows.length).toBeGreaterThan(0);
    expect(await figures.listObservationPage(indicatorIds.empty!, { sort: "value", dir: "asc", page: 1 })).toMatchObject({
      rows: [],
      total: 0,
      page: 1,
      pageCount: 1,
    });
  });
});

describe("a reader's selection", () => {
  const selections = [
    { hidden: ["government" as const], from: null, to: null },
    { hidden: [], from: 2023, to: 2024 },
    { hidden: ["ngo" as const, "media" as const], from: 2024, to: null },
    { hidden: [], from: null, to: 2022 },
  ];
  it.each(selections)("lists and counts the figures the chart keeps: %o", async (selection) => {
    const all = await list("mixed");
    // The chart keeps a figure whose period overlaps the chosen years (chart-model's overlapsRange).
    const kept = buildChartModel(all, [], { ...selection, events: false }).series.flatMap((series) =>
      series.points.map((point) => point.observation.id),
    );
    const expected = sortObservations(all, "asOf", "asc").filter(
      (o) =>
        !selection.hidden.includes(o.producer.type as never) &&
        (selection.from === null || Number(o.asOf.slice(0, 4)) >= selection.from) &&
        (selection.to === null || Number(o.asOf.slice(0, 4)) <= selection.to),
    );
    expect(
      expected
        .filter((o) => o.status === "published")
        .map((o) => o.id)
        .sort(),
    ).toEqual([...kept].sort());
    const page = await figures.listObservationPage(indicatorIds.mixed!, { sort: "asOf", dir: "asc", page: 1, ...selection }, 100);
    expect(page.rows).toEqual(expected);
    expect(page.total).toBe(expected.length);
    const counts = await figures.countSelection(indicatorIds.mixed!, selection);
    expect({ ...counts, types: [...counts.types].sort() }).toEqual({
      selected: kept.length,
      total: all.filter((o) => o.status === "published").length,
      types: [...new Set(all.map((o) => o.producer.type))].filter((type) => !selection.hidden.includes(type as never)).sort(),
      hiddenSecondary: 0,
      anySecondary: all.some((o) => o.source.class === "secondary"),
    });
  });
});

describe("the page's controls", () => {
  it("lists the years and producer types with figures, drafts left out", async () => {
    for (const slug of ["mixed", "dense", "empty"]) {
      const all = await list(slug);
      expect(await figures.listObservationYears(indicatorIds[slug]!)).toEqual(
        [...new Set(all.map((o) => Number(o.asOf.slice(0, 4))))].sort(),
      );
      expect((await figures.listProducerTypes(indicatorIds[slug]!)).sort()).toEqual([...new Set(all.map((o) => o.producer.type))].sort());
    }
  });
});
