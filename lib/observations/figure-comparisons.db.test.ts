import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { groupComparableFigures } from "./comparisons";
import { addFigures, createFixtureIndicator, denseFigures, mixedFigures } from "../../testing/figures-fixture";
import { createTestDatabase, type TestDatabase } from "../../testing/test-database";

// listFigureComparisons reads a bounded window of an indicator's figures; these tests hold it to
// the rule applied to every published figure, and to what the sourced dataset must show.

let database: TestDatabase;
let comparisons: typeof import("./figure-comparisons");
let observations: typeof import("../../testing/oracles/public-observations");
const indicatorIds: Record<string, string> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  comparisons = await import("./figure-comparisons");
  observations = await import("../../testing/oracles/public-observations");
  const { seedFromFiles } = await import("../dataset/load-seed");
  await seedFromFiles(database.db);
  for (const slug of ["mixed", "dense", "empty"]) indicatorIds[slug] = (await createFixtureIndicator(database.db, slug)).id;
  await addFigures(database.db, [
    ...mixedFigures("mixed"),
    ...denseFigures("dense", 30, ["Ministerio de Seguridad", "Cristosal", "el faro"]),
  ]);
});
afterAll(() => database.drop());

const idOf = async (slug: string) => indicatorIds[slug] ?? (await database.db.indicator.findUniqueOrThrow({ where: { slug } })).id;
const published = async (slug: string) =>
  (await observations.listPublicObservations(await idOf(slug))).filter((o) => o.status === "published");

describe("listFigureComparisons", () => {
  it("groups the figures as the rule does on every published figure", async () => {
    for (const slug of ["mixed", "dense", "empty", "homicide_rate", "soe_arrests_cumulative"]) {
      const indicator = await database.db.indicator.findUniqueOrThrow({ where: { slug } });
      const all = await published(slug);
      const actual = await comparisons.listFigureComparisons(indicator.id);
      expect(actual.groups, slug).toEqual(groupComparableFigures(indicator.valueKind, all));
      expect(actual.valueKind, slug).toBe(indicator.valueKind);
      expect(actual.producerCount, slug).toBe(new Set(all.map((o) => o.producer.id)).size);
      expect(actual.truncated, slug).toBe(false);
    }
  });

  it("compares only the most recent figures past its bound, and says so", async () => {
    const all = await published("dense");
    const actual = await comparisons.listFigureComparisons(indicatorIds.dense!, 20);
    expect(actual.truncated).toBe(true);
    const cutoff = all
      .map((o) => o.asOf)
      .sort()
      .reverse()[19]!;
    const compared = actual.groups.flatMap((group) => group.figures.map((f) => f.observation.asOf));
    expect(compared.length).toBeGreaterThan(0);
    for (const asOf of compared) expect(asOf >= cutoff).toBe(true);
  });
});

describe("the sourced dataset's figures that disagree", () => {
  const wola = (
    JSON.parse(readFileSync("prisma/data/el-salvador-indicators.json", "utf8")).observations as {
      indicator: string;
      sourceUrl: string;
      value: number;
    }[]
  ).filter((o) => o.sourceUrl.includes("wola.org"));

  it("shows each figure of WOLA's analysis beside another producer's, or says no other producer has one", async () => {
    expect(wola).toHaveLength(9);
    const alone: string[] = [];
    for (const figure of wola) {
      const result = await comparisons.listFigureComparisons(await idOf(figure.indicator));
      if (result.producerCount === 1) {
        alone.push(figure.indicator);
        continue;
      }
      const beside = result.groups.filter((group) =>
        group.figures.some((f) => f.observation.source.url === figure.sourceUrl && f.observation.value === String(figure.value)),
      );
      expect(beside.length, figure.indicator).toBeGreaterThan(0);
    }
    expect(alone.sort()).toEqual(["incarcerated_share_young_men_pct", "soe_charged_illicit_association_pct"]);
  });

  it("sets WOLA's 34th renewal against the 36th, and the three official counts of 16 March 2025 in one group with spread 23", async () => {
    const renewals = await comparisons.listFigureComparisons(await idOf("soe_extensions_count"));
    const march = renewals.groups.find((group) => group.figures.some((f) => f.observation.value === "34"));
    expect(march!.figures.map((f) => f.observation.value).sort()).toEqual(["34", "36"]);
    expect(march!.spread).toBe("2");

    const removals = await comparisons.listFigureComparisons(await idOf("us_removals_to_cecot"));
    expect(removals.groups).toHaveLength(1);
    const values = removals.groups[0]!.figures.map((f) => f.observation.value);
    expect(values).toEqual(expect.arrayContaining(["238", "250", "261", "252"]));
    expect(removals.groups[0]!.spread).toBe("23");
    // WOLA's "nearly 250" makes the spread approximate.
    expect(removals.groups[0]!.approximate).toBe(true);
  });
});
