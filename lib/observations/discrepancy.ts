import Decimal from "decimal.js";
import { isOfficial, type PublicObservation } from "./types";

export type Discrepancy = {
  official: PublicObservation;
  independent: PublicObservation;
  /** Independent minus official, exact. */
  gap: string;
  /** Gap as a share of the official figure, to one decimal; null when the official figure is 0. */
  percent: string | null;
  /** True when either figure is hedged ("about", "at least"...), so the gap is too. */
  approximate: boolean;
};

const samePeriod = (a: PublicObservation, b: PublicObservation) => a.asOf === b.asOf && a.datePrecision === b.datePrecision;

/**
 * Every pair of an official and an independent figure for the same period. Nothing is averaged:
 * three official counts against one estimate give three rows. Ranges have no single gap and are left out.
 */
export function findDiscrepancies(observations: PublicObservation[]): Discrepancy[] {
  const single = observations.filter((observation) => observation.valueMax === null);
  const official = single.filter((observation) => isOfficial(observation.producer.type));
  const independent = single.filter((observation) => !isOfficial(observation.producer.type));
  return official
    .flatMap((officialFigure) =>
      independent
        .filter((other) => samePeriod(officialFigure, other))
        .map((independentFigure) => gapBetween(officialFigure, independentFigure)),
    )
    .sort((a, b) => a.official.asOf.localeCompare(b.official.asOf));
}

export function gapBetween(official: PublicObservation, independent: PublicObservation): Discrepancy {
  const gap = new Decimal(independent.value).minus(official.value);
  const base = new Decimal(official.value);
  return {
    official,
    independent,
    gap: gap.toString(),
    percent: base.isZero() ? null : gap.div(base).times(100).toDecimalPlaces(1).toString(),
    approximate: official.qualifier !== "exact" || independent.qualifier !== "exact",
  };
}
