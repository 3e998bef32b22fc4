import { periodEnd } from "@/lib/observation-period";
import type { ProducerType, PublicObservation } from "@/lib/observation-types";

export type ChartPoint = {
  /** Middle of the period the figure covers, in ms: a yearly figure sits mid-year, not on 1 January. */
  x: number;
  y: number;
  observation: PublicObservation;
};

export type ChartSeries = { producerType: ProducerType; points: ChartPoint[] };

const dayMs = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const SERIES_ORDER: ProducerType[] = ["government", "ngo", "academic", "media", "intergovernmental"];

export function periodMidpoint(observation: Pick<PublicObservation, "asOf" | "datePrecision">): number {
  const start = dayMs(observation.asOf);
  const end = dayMs(periodEnd(observation));
  return start + (end - start) / 2;
}

/** One series per producer type; values stay the exact strings, y is only the drawing position. */
export function buildSeriesByProducerType(observations: PublicObservation[]): ChartSeries[] {
  return SERIES_ORDER.map((producerType) => ({
    producerType,
    points: observations
      .filter((observation) => observation.producer.type === producerType)
      .map((observation) => ({ x: periodMidpoint(observation), y: Number(observation.value), observation }))
      .sort((a, b) => a.x - b.x),
  })).filter((series) => series.points.length > 0);
}
