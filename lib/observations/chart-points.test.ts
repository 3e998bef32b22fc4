import { describe, expect, it } from "vitest";
import { bucketsFor, CHART_POINT_BUDGET, MAX_POINTS_PER_SERIES, pointsPerSeries } from "./chart-points";
import { FIXTURE_PRODUCERS } from "../../testing/figures-fixture";

describe("the chart's point budget", () => {
  it("gives each series a share of the chart's budget", () => {
    expect(pointsPerSeries(1)).toBe(MAX_POINTS_PER_SERIES);
    expect(pointsPerSeries(FIXTURE_PRODUCERS.length) * FIXTURE_PRODUCERS.length).toBeLessThanOrEqual(CHART_POINT_BUDGET);
    for (let series = 1; series < 40; series++) {
      const bound = pointsPerSeries(series);
      expect(4 * bucketsFor(bound) + 2).toBeLessThanOrEqual(bound);
    }
  });
});
