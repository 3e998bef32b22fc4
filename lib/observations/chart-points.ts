import type { PublicObservation } from "./types";

// The chart's point budget and what the page says about it: plain arithmetic, shared by the query
// that thins dense series (./chart-data.ts) and the components that describe the result.

/**
 * Most points drawn per producer series, and for the whole chart (a crowded chart gives each series
 * fewer). Every drawn point is a focusable element with its label and source in the page, so the
 * budget also bounds the page's size.
 */
export const MAX_POINTS_PER_SERIES = 300;
export const CHART_POINT_BUDGET = 400;
const MIN_POINTS_PER_SERIES = 40;

/**
 * Most figures a series draws as focusable markers, each with its label in the page. A series with
 * more is drawn as its line with a dot at each figure, and read through the series itself (the
 * details arrive on the first look): a dense series then costs a few bytes a figure, not a few
 * hundred, and the page weighs about the same at a thousand figures as at a million.
 */
export const MARKED_POINTS_PER_SERIES = 60;

export const isDenseSeries = (drawnPoints: number) => drawnPoints > MARKED_POINTS_PER_SERIES;

/** The bound on one series' points when `seriesCount` series are drawn. */
export function pointsPerSeries(seriesCount: number): number {
  return Math.min(MAX_POINTS_PER_SERIES, Math.max(MIN_POINTS_PER_SERIES, Math.floor(CHART_POINT_BUDGET / Math.max(1, seriesCount))));
}

/** Time buckets of a thinned series: four picks each, plus its first and last figure, stay within the bound. */
export const bucketsFor = (bound: number) => Math.floor((bound - 2) / 4);

/** What the chart's text alternative says about one side (official or independent). */
export type FigureGroupSummary = { count: number; first: PublicObservation | null; last: PublicObservation | null };

/** The published figures of the shown producer types in the selected range. */
export type ChartSummary = { count: number; producerCount: number; official: FigureGroupSummary; independent: FigureGroupSummary };

export type ChartData = {
  /** The published figures to draw: every one in range, or, for a dense series, a thinned set of them. */
  observations: PublicObservation[];
  /** Figures of the shown series in range, before thinning. */
  visibleCount: number;
  thinned: boolean;
  /** Figures of the shown series in range left out because the reader keeps first-hand sources only (0 without that filter). */
  hiddenSecondary: number;
  /** For the text alternative: every published figure of the shown series in range (before thinning). */
  summary: ChartSummary;
};

/** What the chart's note says when dense series were thinned; null when every figure is drawn. */
export const thinningOf = (chart: ChartData) => (chart.thinned ? { shown: chart.observations.length, total: chart.visibleCount } : null);
