import type { SeriesModel } from "../chart-model";

export type ExplorerSeries = { key: string; name: string; producerType: SeriesModel["producerType"] };
export type ExplorerRow = { x: number } & Record<string, number>;
export type ExplorerPoint = { seriesKey: string; x: number; label: string };

/**
 * Rows keyed by time, one column per producer, so Recharts' brush can zoom across every series.
 * A producer without a figure at some time simply has no value there: nothing is filled in.
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
