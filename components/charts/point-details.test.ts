import { describe, expect, it } from "vitest";
import { MARKED_POINTS_PER_SERIES } from "@/lib/observations/chart-points";
import type { PublicObservation } from "@/lib/observations/types";
import { buildChartModel, CHART_SIZES } from "./chart-model";
import { buildPointDetails } from "./point-details";
import { ZPointDetails } from "./point-details-schema";

// A dense series draws its figures as dots with no element each: the details tell the chart's island
// which dot is which figure (the series and the dot's place in the order drawn).

const figure = (i: number, producer: PublicObservation["producer"]): PublicObservation => ({
  id: `${producer.id}-${i}`,
  indicatorSlug: "synthetic",
  value: String(100 + ((i * 13) % 40)),
  valueMax: null,
  qualifier: "exact",
  // Out of order on purpose: the dots are drawn left to right.
  asOf: new Date(Date.UTC(2021, 0, 1 + ((i * 7) % 97))).toISOString().slice(0, 10),
  datePrecision: "day",
  producer,
  source: {
    url: "https://example.org/s",
    publisher: "Boletín",
    publishedAt: null,
    retrievedAt: null,
    class: "primary",
    archivedUrl: null,
    brokenSince: null,
  },
  attribution: "Observatorio",
  noteEn: null,
  noteEs: null,
  status: "published",
  retraction: null,
});

describe("buildPointDetails", () => {
  it("numbers a dense series' figures in the order its dots are drawn, and leaves marked figures alone", () => {
    const dense = { id: "p-dense", name: "Observatorio", type: "ngo" } as const;
    const sparse = { id: "p-sparse", name: "Gobierno", type: "government" } as const;
    const figures = [
      ...Array.from({ length: MARKED_POINTS_PER_SERIES + 37 }, (_, i) => figure(i, dense)),
      ...Array.from({ length: 5 }, (_, i) => figure(i, sparse)),
    ];
    const model = buildChartModel(figures, [], { hidden: [], from: null, to: null, events: false }, CHART_SIZES.wide);
    const details = ZPointDetails.parse(JSON.parse(JSON.stringify(buildPointDetails(model, "es"))));
    const denseSeries = model.series.find((series) => series.producerId === dense.id)!;
    expect(denseSeries.dense).toBe(true);
    denseSeries.points.forEach(({ observation }, index) => {
      expect(details[observation.id]!.dot).toEqual({ series: dense.id, index });
    });
    const sparseSeries = model.series.find((series) => series.producerId === sparse.id)!;
    expect(sparseSeries.dense).toBe(false);
    for (const { observation } of sparseSeries.points) expect(details[observation.id]!.dot).toBeUndefined();
    expect(Object.keys(details)).toHaveLength(figures.length);
  });
});
