import { describe, expect, it } from "vitest";
import { areComparable, COMPARISON_RULE, distanceBetween, groupComparableFigures, NEARBY_DAYS } from "./comparisons";
import type { ValueKind } from "../schemas/enums";
import type { PublicObservation } from "./types";

type Extra = Partial<Omit<PublicObservation, "producer">> & { producer?: string };

const figure = (
  id: string,
  value: string,
  type: PublicObservation["producer"]["type"],
  asOf: string,
  extra: Extra = {},
): PublicObservation => {
  const { producer = id, ...rest } = extra;
  return {
    id,
    indicatorSlug: "fixture",
    value,
    valueMax: null,
    qualifier: "exact",
    asOf,
    datePrecision: "day",
    producer: { id: `p-${producer}`, name: `Producer ${producer}`, type },
    source: {
      url: `https://example.org/${id}`,
      publisher: null,
      publishedAt: null,
      retrievedAt: null,
      class: "press",
      archivedUrl: null,
      brokenSince: null,
    },
    attribution: `Producer ${producer}`,
    noteEn: null,
    noteEs: null,
    status: "published",
    retraction: null,
    ...rest,
  };
};
const year = (id: string, value: string, type: PublicObservation["producer"]["type"], y: number, extra: Extra = {}) =>
  figure(id, value, type, `${y}-01-01`, { datePrecision: "year", ...extra });
const month = (id: string, value: string, type: PublicObservation["producer"]["type"], ym: string, extra: Extra = {}) =>
  figure(id, value, type, `${ym}-01`, { datePrecision: "month", ...extra });

const ids = (kind: ValueKind, figures: PublicObservation[]) =>
  groupComparableFigures(kind, figures).map((group) => group.figures.map((f) => f.observation.id));

describe("the comparison rule", () => {
  it("names a rule for every kind of value", () => {
    expect(Object.keys(COMPARISON_RULE).sort()).toEqual(
      ["amount", "cumulative_count", "point_in_time_count", "rank", "score", "share", "yearly_count", "yearly_rate"].sort(),
    );
  });

  it("compares a yearly rate only with figures for the same year", () => {
    const rate2024 = year("a", "1.9", "government", 2024);
    expect(areComparable("yearly_rate", rate2024, year("b", "2.1", "government", 2024))).toBe(true);
    expect(areComparable("yearly_rate", rate2024, year("c", "2.4", "ngo", 2023))).toBe(false);
    // A month inside the year is not a yearly rate.
    expect(areComparable("yearly_rate", rate2024, month("d", "0.2", "ngo", "2024-03"))).toBe(false);
    expect(areComparable("yearly_count", rate2024, month("d", "0.2", "ngo", "2024-03"))).toBe(false);
  });

  it("compares a count with one for a month inside its year, and says so", () => {
    const [group] = groupComparableFigures("cumulative_count", [
      year("sjh", "430", "ngo", 2025),
      month("wola", "350", "ngo", "2025-04", { qualifier: "at_least" }),
    ]);
    expect(group!.reference.id).toBe("sjh");
    expect(group!.figures.map((f) => [f.observation.id, f.relation])).toEqual([
      ["sjh", { kind: "same" }],
      ["wola", { kind: "inside", precision: "month", within: "year" }],
    ]);
    expect(group!.daysApart).toBe(0);
    expect(group!.samePeriod).toBe(false);
  });

  it("compares counts at nearby dates and states how many days apart, up to NEARBY_DAYS", () => {
    const first = figure("a", "89875", "government", "2025-10-28");
    const [group] = groupComparableFigures("cumulative_count", [first, figure("b", "90200", "ngo", "2025-11-09")]);
    expect(group!.daysApart).toBe(12);
    expect(group!.figures.map((f) => f.relation)).toEqual([{ kind: "apart", days: 12, direction: "before" }, { kind: "same" }]);
    expect(NEARBY_DAYS).toBe(45);
    expect(areComparable("cumulative_count", first, figure("c", "1", "ngo", "2025-12-12"))).toBe(true); // 45 days
    expect(areComparable("cumulative_count", first, figure("d", "1", "ngo", "2025-12-13"))).toBe(false); // 46 days
    expect(areComparable("point_in_time_count", first, figure("e", "1", "ngo", "2025-09-13"))).toBe(true);
  });

  it("measures disjoint periods between their ends: counts for two years in a row are a year apart, not a day", () => {
    expect(areComparable("point_in_time_count", year("a", "111207", "academic", 2024), year("b", "108000", "ngo", 2025))).toBe(false);
    const [group] = groupComparableFigures("point_in_time_count", [
      year("a", "900", "media", 2023),
      figure("b", "492", "government", "2024-02-08"),
    ]);
    expect(group!.figures.map((f) => f.relation)).toEqual([{ kind: "same" }, { kind: "apart", days: 39, direction: "after" }]);
    expect(areComparable("amount", month("a", "6000000", "ngo", "2025-04"), figure("b", "6000000", "government", "2025-03-17"))).toBe(true);
  });

  it("keeps only mutually comparable figures in a group: dates 40 days apart in a row make two groups", () => {
    const figures = [
      figure("jan", "1", "government", "2025-01-01"),
      figure("feb", "2", "ngo", "2025-02-10"),
      figure("mar", "3", "media", "2025-03-22"),
    ];
    expect(ids("cumulative_count", figures)).toEqual([
      ["feb", "mar"],
      ["jan", "feb"],
    ]);
  });

  it("puts three official figures of one day in one group with their exact spread", () => {
    const groups = groupComparableFigures("point_in_time_count", [
      figure("bukele-1", "238", "government", "2025-03-16", { producer: "bukele" }),
      figure("bukele-2", "261", "government", "2025-03-16", { producer: "bukele" }),
      figure("rubio", "250", "government", "2025-03-16"),
      figure("later", "252", "media", "2025-07-18"),
    ]);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.figures.map((f) => f.observation.value)).toEqual(["238", "250", "261"]);
    expect(groups[0]!.spread).toBe("23");
    expect(groups[0]!.samePeriod).toBe(true);
    expect(groups[0]!.approximate).toBe(false);
    // No independent figure: no official-against-independent gap.
    expect(groups[0]!.gaps).toEqual([]);
  });

  it("compares figures among independent producers too, and marks a hedged spread", () => {
    const [group] = groupComparableFigures("cumulative_count", [
      month("wola", "34", "ngo", "2025-03"),
      month("ennews", "36", "media", "2025-03"),
    ]);
    expect(group!.figures.map((f) => f.observation.id)).toEqual(["wola", "ennews"]);
    expect(group!.spread).toBe("2");
    const [hedged] = groupComparableFigures("point_in_time_count", [
      figure("wola", "250", "ngo", "2025-03-15", { qualifier: "nearly" }),
      figure("rubio", "250", "government", "2025-03-16"),
    ]);
    expect(hedged!.approximate).toBe(true);
    expect(hedged!.spread).toBe("0");
    expect(hedged!.gaps.map((gap) => [gap.gap, gap.approximate])).toEqual([["0", true]]);
  });

  it("compares ranges by both ends, exactly, without a single gap", () => {
    const [group] = groupComparableFigures("point_in_time_count", [
      year("cristosal", "110000", "ngo", 2025, { valueMax: "120000" }),
      year("hrw", "108000", "ngo", 2025),
      year("minister", "105000.5", "government", 2025),
    ]);
    expect(group!.figures.map((f) => f.observation.id).sort()).toEqual(["cristosal", "hrw", "minister"]);
    expect(group!.spread).toBe("14999.5");
    expect(group!.gaps.map((gap) => [gap.independent.id, gap.gap, gap.percent])).toEqual([["hrw", "2999.5", "2.9"]]);
  });

  it("keeps the official-against-independent gaps of every pair, never an average", () => {
    const [group] = groupComparableFigures("yearly_count", [
      year("pnc", "495", "government", 2022),
      year("fgr", "496", "government", 2022),
      year("uca", "659", "academic", 2022, { qualifier: "about" }),
    ]);
    expect(group!.gaps.map((gap) => [gap.official.id, gap.independent.id, gap.gap, gap.percent, gap.approximate])).toEqual([
      ["pnc", "uca", "164", "33.1", true],
      ["fgr", "uca", "163", "32.9", true],
    ]);
  });

  it("needs two producers, leaves retracted figures out and lists the most recent group first", () => {
    expect(
      ids("cumulative_count", [
        figure("a", "1", "ngo", "2025-01-01", { producer: "x" }),
        figure("b", "2", "ngo", "2025-01-05", { producer: "x" }),
      ]),
    ).toEqual([]);
    expect(
      ids("cumulative_count", [
        figure("a", "1", "ngo", "2025-01-01"),
        figure("b", "2", "government", "2025-01-05", { status: "retracted" }),
      ]),
    ).toEqual([]);
    expect(
      ids("yearly_rate", [
        year("old-1", "7.8", "government", 2022),
        year("new-1", "2.4", "government", 2023),
        year("old-2", "10.4", "academic", 2022),
        year("new-2", "4.5", "media", 2023),
      ]),
    ).toEqual([
      ["new-1", "new-2"],
      ["old-1", "old-2"],
    ]);
  });
});

describe("distanceBetween", () => {
  it("says how far apart two figures are in whole years, months or days", () => {
    expect(distanceBetween(year("a", "1.3", "government", 2025), year("b", "4.5", "media", 2023))).toEqual({
      kind: "apart",
      unit: "years",
      count: 2,
    });
    expect(distanceBetween(month("a", "1", "ngo", "2025-01"), month("b", "2", "government", "2025-04"))).toEqual({
      kind: "apart",
      unit: "months",
      count: 3,
    });
    expect(distanceBetween(figure("a", "1", "ngo", "2025-03-04"), figure("b", "2", "government", "2025-03-16"))).toEqual({
      kind: "apart",
      unit: "days",
      count: 12,
    });
    expect(distanceBetween(figure("a", "1", "ngo", "2024-01-31"), figure("b", "2", "government", "2025-01-01"))).toEqual({
      kind: "apart",
      unit: "months",
      count: 11,
    });
    expect(distanceBetween(year("a", "1", "ngo", 2025), month("b", "2", "government", "2025-03"))).toEqual({ kind: "overlap" });
  });
});

describe("a long daily series (an import of thousands of figures)", () => {
  it("is grouped window by window, without trying every subset of its figures", () => {
    // 400 daily counts alternating between two producers: each figure is comparable with the 45
    // days either side, so the groups are the 355 windows of 46 consecutive days.
    const day = (index: number) => new Date(Date.UTC(2000, 0, 1 + index)).toISOString().slice(0, 10);
    const series = Array.from({ length: 400 }, (_, i) =>
      figure(`d${i}`, String(100 + i), i % 2 ? "ngo" : "government", day(i), { producer: i % 2 ? "a" : "b" }),
    );
    const groups = groupComparableFigures("point_in_time_count", series);
    expect(groups).toHaveLength(400 - NEARBY_DAYS);
    expect(groups.every((group) => group.figures.length === NEARBY_DAYS + 1)).toBe(true);
    expect(groups[0]!.figures.at(-1)!.observation.id).toBe("d399");
  });
});
