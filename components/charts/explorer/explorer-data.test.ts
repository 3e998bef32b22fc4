import { describe, expect, it } from "vitest";
import { buildExplorerRows, chartSeriesUrl, explorerDataOf, explorerXAxis, explorerYAxis } from "./explorer-data";

const mid = (year: number) => (Date.UTC(year, 0, 1) + Date.UTC(year + 1, 0, 1)) / 2;
/** Ticks a reader counts along: equal steps of 1, 2 or 5 times a power of ten, each a multiple of the step. */
function areNice(ticks: number[]) {
  const step = ticks[1]! - ticks[0]!;
  const mantissa = step / 10 ** Math.floor(Math.log10(step));
  return (
    [1, 2, 5].includes(Math.round(mantissa * 1e9) / 1e9) && ticks.every((tick, index) => Math.abs(tick - ticks[0]! - index * step) < 1e-9)
  );
}

describe("the explorer's axes", () => {
  const rows = buildExplorerRows([
    {
      key: "a",
      points: [2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024].map((year, index) => ({ x: mid(year), y: 36 - index * 3.6 })),
    },
    { key: "b", points: [{ x: mid(2022), y: 10.4 }] },
  ]);

  it("spans whole years and puts a year's tick where its yearly figure sits, not on 1 January", () => {
    const { domain, ticks } = explorerXAxis(rows);
    expect(domain).toEqual([Date.UTC(2015, 0, 1), Date.UTC(2025, 0, 1)]);
    expect(ticks).toEqual([2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024].map(mid));
    for (const row of rows) expect(ticks).toContain(row.x);
  });

  it("labels every other year, or every fifth, when many years are shown", () => {
    const long = buildExplorerRows([{ key: "a", points: [1985, 2024].map((year) => ({ x: mid(year), y: 1 })) }]);
    expect(explorerXAxis(long).ticks.map((tick) => new Date(tick).getUTCFullYear())).toEqual([
      1985, 1990, 1995, 2000, 2005, 2010, 2015, 2020,
    ]);
  });

  it("gives nice y ticks from zero that cover every value", () => {
    const { domain, ticks } = explorerYAxis(rows, ["a", "b"], "linear");
    expect(ticks).toEqual([0, 10, 20, 30, 40]);
    expect(domain).toEqual([0, 40]);
    for (const max of [1.3, 7.8, 138, 2_300, 85_000]) {
      const axis = explorerYAxis(buildExplorerRows([{ key: "a", points: [{ x: mid(2020), y: max }] }]), ["a"], "linear");
      expect(areNice(axis.ticks), String(axis.ticks)).toBe(true);
      expect(axis.ticks[0]).toBe(0);
      expect(axis.domain[1]).toBeGreaterThanOrEqual(max);
      expect(axis.ticks.at(-1)).toBe(axis.domain[1]);
    }
  });

  it("gives ticks at 1, 2 and 5 times powers of ten on a log axis", () => {
    const wide = buildExplorerRows([
      {
        key: "a",
        points: [
          { x: mid(2015), y: 138 },
          { x: mid(2025), y: 1.3 },
        ],
      },
    ]);
    const { domain, ticks } = explorerYAxis(wide, ["a"], "log");
    expect(domain).toEqual([1, 1000]);
    expect(ticks).toEqual([1, 2, 5, 10, 20, 50, 100, 200, 500, 1000]);
  });
});

describe("the explorer's data", () => {
  it("reads the chart state from the page's address as the page does", () => {
    expect(chartSeriesUrl("/en/indicators/homicide_rate", "")).toBe("/api/v1/indicators/homicide_rate/chart-series?locale=en");
    expect(
      chartSeriesUrl("/es/embed/homicide_rate", "?sources=firsthand&hide=ngo,government,bogus&from=2022&to=2019&scale=log&view=table"),
    ).toBe("/api/v1/indicators/homicide_rate/chart-series?locale=es&hide=government%2Cngo&from=2019&to=2022&scale=log&sources=firsthand");
    // A repeated parameter counts by its first value; a malformed one falls back to the default.
    expect(chartSeriesUrl("/en/indicators/a", "?from=2020&from=2010&to=abc&sources=secondary")).toBe(
      "/api/v1/indicators/a/chart-series?locale=en&from=2020",
    );
    expect(chartSeriesUrl("/en/figures/x", "")).toBeNull();
  });

  it("keys each figure's label by its series and time, and names each series once", () => {
    const data = explorerDataOf([
      { key: "s0", name: "A", producerType: "ngo", legend: "A (NGO)", points: [{ x: mid(2020), y: 1, label: "1 · 2020 · A" }] },
      {
        key: "s1",
        name: "B",
        producerType: "government",
        legend: "B (Government)",
        points: [{ x: mid(2020), y: 2, label: "2 · 2020 · B" }],
      },
    ]);
    expect(data.rows).toEqual([{ x: mid(2020), s0: 1, s1: 2 }]);
    expect(data.series.map((series) => series.legend)).toEqual(["A (NGO)", "B (Government)"]);
    expect(data.labels).toEqual({ [`s0|${mid(2020)}`]: "1 · 2020 · A", [`s1|${mid(2020)}`]: "2 · 2020 · B" });
  });
});
