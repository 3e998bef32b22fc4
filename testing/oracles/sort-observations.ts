import type { ChartState } from "../../lib/charts/chart-state";
import type { PublicObservation } from "../../lib/observations/types";

// The table's order written out on its own, not imported from lib/observations: the paged table
// query is checked against this full-list sort, so sharing its comparison would prove nothing.
const compareText = (a: string | null, b: string | null) => (a ?? "").localeCompare(b ?? "");

const COMPARATORS: Record<ChartState["sort"], (a: PublicObservation, b: PublicObservation) => number> = {
  asOf: (a, b) => a.asOf.localeCompare(b.asOf),
  value: (a, b) => Number(a.value) - Number(b.value),
  producer: (a, b) => compareText(a.producer.name, b.producer.name),
  type: (a, b) => compareText(a.producer.type, b.producer.type),
  publisher: (a, b) => compareText(a.source.publisher, b.source.publisher),
  publishedAt: (a, b) => compareText(a.source.publishedAt, b.source.publishedAt),
};

/** A sorted copy; ties keep date order so the table reads the same on every load. */
export function sortObservations(observations: PublicObservation[], key: ChartState["sort"], dir: ChartState["dir"]): PublicObservation[] {
  const sign = dir === "asc" ? 1 : -1;
  return [...observations].sort((a, b) => sign * COMPARATORS[key](a, b) || a.asOf.localeCompare(b.asOf) || a.id.localeCompare(b.id));
}
