import type { ChartState } from "../charts/chart-state";

// The figures a reader has chosen on an indicator page: producer types left out, a range of years
// and, on request, first-hand sources only. The chart, its text alternative, the table, the figure
// count and the data downloads keep the same figures. A figure's period starts on a calendar boundary
// (a month on its 1st, a year on 1 January: lib/schemas/observation.ts), so its period overlaps the
// chosen years exactly when it starts within them; the chart's overlap test and the as-of bounds below agree.

export type Selection = Pick<ChartState, "hidden" | "from" | "to"> & Partial<Pick<ChartState, "sources">>;

/** True when the reader has left nothing out. */
export const selectsEverything = ({ hidden, from, to, sources = "all" }: Selection) =>
  hidden.length === 0 && from === null && to === null && sources === "all";

/** The first and last as-of day a selection keeps (undefined: unbounded). */
export function selectionDays({ from, to }: Pick<Selection, "from" | "to">): { from?: string; to?: string } {
  return {
    ...(from === null ? {} : { from: `${String(from).padStart(4, "0")}-01-01` }),
    ...(to === null ? {} : { to: `${String(to).padStart(4, "0")}-12-31` }),
  };
}

/**
 * The query of the public API's download of a selection (GET /api/v1/indicators/{slug}/observations):
 * every figure at once (all=true), the hidden producer types left out (hide), the years as days, and
 * only first-hand sources when the reader asked for them.
 */
export function selectionDownloadQuery(selection: Selection, format: "csv" | "json"): string {
  const params = new URLSearchParams();
  if (format === "csv") params.set("format", "csv");
  params.set("all", "true");
  if (selection.hidden.length) params.set("hide", [...selection.hidden].sort().join(","));
  const days = selectionDays(selection);
  if (days.from) params.set("from", days.from);
  if (days.to) params.set("to", days.to);
  if (selection.sources === "firsthand") params.set("sources", "firsthand");
  return `?${params.toString()}`;
}
