import Decimal from "decimal.js";
import type { PublicObservation } from "./types";

/** An official figure against an independent one that can be compared (see ./comparisons.ts). */
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

/** The gap between two single figures; ranges have no single gap (a group's spread covers them). */
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
