import { scaleLinear, scaleLog } from "d3-scale";
import { parseChartState } from "@/lib/charts/chart-state";
import type { SeriesModel } from "../chart-model";

export type ExplorerSeries = {
  key: string;
  name: string;
  producerType: SeriesModel["producerType"];
  /** What the legend says: the producer and its type, as the chart's key names them. */
  legend: string;
};
export type ExplorerRow = { x: number } & Record<string, number>;
export type ExplorerPoint = { seriesKey: string; x: number; label: string };

/**
 * Rows keyed by time, one column per producer, so Recharts' brush can zoom across every series.
 * A producer without a figure at some time simply has no value there: nothing is filled in.
 * `x` is the middle of the period a figure covers, where the page's chart draws it.
 */
export function buildExplorerRows(series: { key: string; points: { x: number; y: number }[] }[]): ExplorerRow[] {
  const rows = new Map<number, ExplorerRow>();
  for (const { key, points } of series) {
    for (const point of points) {
      const row = rows.get(point.x) ?? ({ x: point.x } as ExplorerRow);
      row[key] = point.y;
      rows.set(point.x, row);
    }
  }
  return [...rows.values()].sort((a, b) => a.x - b.x);
}

const yearStart = (year: number) => Date.UTC(year, 0, 1);
const YEAR_STEPS = [1, 2, 5, 10, 20, 25, 50, 100];

/**
 * The x axis of the rows shown: whole calendar years (as the page's chart spans them), and a tick in
 * the middle of each labelled year, where the chart centres its year labels and a yearly figure sits.
 */
export function explorerXAxis(rows: ExplorerRow[], maxTicks = 12): { domain: [number, number]; ticks: number[] } {
  if (!rows.length) return { domain: [0, 1], ticks: [] };
  const first = new Date(rows[0]!.x).getUTCFullYear();
  const last = new Date(rows.at(-1)!.x).getUTCFullYear();
  const years = last - first + 1;
  const step = YEAR_STEPS.find((candidate) => Math.ceil(years / candidate) <= maxTicks) ?? Math.ceil(years / maxTicks);
  const ticks: number[] = [];
  for (let year = Math.ceil(first / step) * step; year <= last; year += step) ticks.push((yearStart(year) + yearStart(year + 1)) / 2);
  return { domain: [yearStart(first), yearStart(last + 1)], ticks };
}

/** The y axis of the rows shown: d3's nice ticks (0/10/20/30/40, never 0/9/18/27/36), from zero on a linear axis. */
export function explorerYAxis(
  rows: ExplorerRow[],
  keys: string[],
  scale: "linear" | "log",
  maxTicks = 5,
): { domain: [number, number]; ticks: number[] } {
  const values = rows.flatMap((row) => keys.map((key) => row[key]).filter((value): value is number => value !== undefined));
  if (scale === "log") {
    const positive = values.filter((value) => value > 0);
    const log = scaleLog()
      .domain([Math.min(...positive, 1), Math.max(...positive, 10)])
      .nice();
    const [low, high] = log.domain() as [number, number];
    // Powers of ten, and 2 and 5 times them when few decades are shown.
    const ticks = log.ticks().filter((tick) => /^[125]$/.test(String(tick / 10 ** Math.floor(Math.log10(tick) + 1e-9)).slice(0, 1)));
    const decades = ticks.filter((tick) => Number.isInteger(Math.log10(tick)));
    return { domain: [low, high], ticks: ticks.length > maxTicks * 2 ? decades : ticks };
  }
  const linear = scaleLinear()
    .domain([0, Math.max(0, ...values) || 1])
    .nice(maxTicks);
  return { domain: linear.domain() as [number, number], ticks: linear.ticks(maxTicks) };
}

/** The chart's series as the explorer draws them: rows for Recharts, the legend's entries, and each figure's label by `${key}|${x}`. */
export function explorerDataOf(series: (ExplorerSeries & { points: { x: number; y: number; label: string }[] })[]) {
  return {
    rows: buildExplorerRows(series),
    series: series.map(({ key, name, producerType, legend }) => ({ key, name, producerType, legend })),
    labels: Object.fromEntries(series.flatMap(({ key, points }) => points.map((point) => [`${key}|${point.x}`, point.label]))),
  };
}

/**
 * Where the explorer reads the chart's series for the page it is on (/{locale}/indicators/{slug} or
 * /{locale}/embed/{slug}): the chart state is read from the page's query as the page reads it, so the
 * explorer shows what the chart shows. Null on any other path.
 */
export function chartSeriesUrl(pathname: string, search: string): string | null {
  const match = pathname.match(/^\/(es|en)\/(?:indicators|embed)\/([A-Za-z0-9_-]+)\/?$/);
  if (!match) return null;
  const query = new URLSearchParams(search);
  // A repeated parameter counts once, by its first value, as the page reads it.
  const state = parseChartState(Object.fromEntries([...new Set(query.keys())].map((name) => [name, query.get(name) ?? undefined])));
  const params = new URLSearchParams({ locale: match[1]! });
  if (state.hidden.length) params.set("hide", [...state.hidden].sort().join(","));
  if (state.from !== null) params.set("from", String(state.from));
  if (state.to !== null) params.set("to", String(state.to));
  if (state.scale !== "linear") params.set("scale", state.scale);
  if (state.sources !== "all") params.set("sources", state.sources);
  return `/api/v1/indicators/${match[2]}/chart-series?${params}`;
}
