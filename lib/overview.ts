import { gapBetween, type Discrepancy } from "./discrepancy";
import { periodEnd } from "./observation-period";
import { isOfficial, type PublicObservation } from "./observation-types";
import { listAllPublishedObservations } from "./observations";

export type IndicatorDigest = {
  official: PublicObservation | null;
  independent: PublicObservation | null;
  /** Only when the two latest figures cover the same period. */
  gap: Discrepancy | null;
  observations: PublicObservation[];
  sourceCount: number;
};

/** The latest of a list by the end of the period each figure covers: a yearly 2025 figure is later than March 2025. */
export function latestFigure(observations: PublicObservation[]): PublicObservation | null {
  return observations.reduce<PublicObservation | null>(
    (best, candidate) => (!best || periodEnd(candidate) >= periodEnd(best) ? candidate : best),
    null,
  );
}

export function digest(observations: PublicObservation[]): IndicatorDigest {
  const official = latestFigure(observations.filter((o) => isOfficial(o.producer.type)));
  const independent = latestFigure(observations.filter((o) => !isOfficial(o.producer.type)));
  const comparable =
    official &&
    independent &&
    official.asOf === independent.asOf &&
    official.datePrecision === independent.datePrecision &&
    !official.valueMax &&
    !independent.valueMax;
  return {
    official,
    independent,
    gap: comparable ? gapBetween(official, independent) : null,
    observations,
    sourceCount: new Set(observations.map((o) => o.source.url)).size,
  };
}

/** One digest per indicator slug, from a single query. */
export async function getIndicatorDigests(): Promise<Map<string, IndicatorDigest>> {
  const byIndicator = new Map<string, PublicObservation[]>();
  for (const observation of await listAllPublishedObservations()) {
    byIndicator.set(observation.indicatorSlug, [...(byIndicator.get(observation.indicatorSlug) ?? []), observation]);
  }
  return new Map([...byIndicator].map(([slug, observations]) => [slug, digest(observations)]));
}
