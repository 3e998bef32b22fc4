import { describe, expect, it } from "vitest";
import type { PublicObservation } from "@/lib/observations/types";
import { buildChartModel } from "./chart-model";

const figure = (id: string, extra: Partial<PublicObservation> = {}): PublicObservation => ({
  id,
  indicatorSlug: "x",
  value: "10",
  valueMax: null,
  qualifier: "exact",
  asOf: "2022-01-01",
  datePrecision: "year",
  producer: { id: `p-${id}`, name: `Producer ${id}`, type: "ngo" },
  source: { url: `https://example.org/${id}`, publisher: null, publishedAt: null },
  attribution: id,
  noteEn: null,
  noteEs: null,
  status: "published",
  retraction: null,
  ...extra,
});

const allVisible = { hidden: [], from: null, to: null, events: true };

describe("buildChartModel", () => {
  it("leaves retracted figures off the chart", () => {
    const model = buildChartModel(
      [figure("a"), figure("b", { status: "retracted", retraction: { reason: "withdrawn", at: null } })],
      [],
      allVisible,
    );
    expect(model.series.flatMap((s) => s.points.map((p) => p.observation.id))).toEqual(["a"]);
  });

  it("draws a yearly figure across its year with the marker in the middle, not on 1 January", () => {
    const model = buildChartModel([figure("year"), figure("day", { asOf: "2023-06-15", datePrecision: "day" })], [], allVisible);
    const year = model.series.flatMap((s) => s.points).find((p) => p.observation.id === "year")!;
    expect(year.periodX2).toBeGreaterThan(year.periodX1);
    expect(year.cx).toBeCloseTo((year.periodX1 + year.periodX2) / 2);
    expect(year.midpointMs).toBe(Date.UTC(2022, 6, 2, 12));
  });

  it("keeps one series per producer and never merges two producers into one line", () => {
    const model = buildChartModel(
      [figure("a"), figure("b"), figure("c", { producer: { id: "p-a", name: "Producer a", type: "ngo" }, asOf: "2023-01-01" })],
      [],
      allVisible,
    );
    expect(model.series.map((s) => [s.producerName, s.points.length])).toEqual([
      ["Producer a", 2],
      ["Producer b", 1],
    ]);
  });

  it("hides producer types and filters by time range", () => {
    const observations = [figure("gov", { producer: { id: "g", name: "Gov", type: "government" } }), figure("ngo", { asOf: "2024-01-01" })];
    expect(buildChartModel(observations, [], { ...allVisible, hidden: ["government"] }).series.map((s) => s.producerType)).toEqual(["ngo"]);
    expect(buildChartModel(observations, [], { ...allVisible, from: 2023 }).series.map((s) => s.producerName)).toEqual(["Producer ngo"]);
  });

  it("spans a range figure from its value to its upper end", () => {
    const model = buildChartModel([figure("r", { value: "110000", valueMax: "120000" })], [], allVisible);
    const point = model.series[0]!.points[0]!;
    expect(point.rangeTopY).not.toBeNull();
    expect(point.rangeTopY!).toBeLessThan(point.cy);
  });
});
