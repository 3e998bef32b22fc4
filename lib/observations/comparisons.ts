import Decimal from "decimal.js";
import { fromIsoDay } from "../dates";
import type { ValueKind } from "../schemas/enums";
import { gapBetween, type Discrepancy } from "./discrepancy";
import { periodEnd } from "./period";
import { isOfficial, type DatePrecision, type PublicObservation } from "./types";

// Which figures of one indicator are set side by side in "Where the figures disagree". The rule
// lives here and only here (the README quotes it); the page and the tests read it from this file.
//
// - What a figure counts decides how far it can be moved. A yearly rate or count, an annual rank or
//   score describes one whole year: it is compared only with figures for exactly the same period
//   (a 2024 rate with a 2024 rate). A month's rate is not a yearly rate, and 2023 is not 2024.
// - A count taken at a date (cumulative or point in time), a share or an amount is compared with
//   figures whose periods overlap (calendar periods nest: a month inside the year a figure is given
//   for may be the very moment it was counted) or whose periods end at most NEARBY_DAYS apart (the
//   end is the latest moment a figure can describe: counts for "2024" and for "2025" are a year
//   apart, not a day). A running count grows between two dates, so only close dates compare: 45 days keeps a
//   count and the one reported in the next month's news (the extension decrees come 30 days apart)
//   and leaves out counts a season apart, whose difference is mostly growth. Every comparison
//   states the distance.
// - A group is a set of mutually comparable figures (a maximal one: no other figure is comparable
//   with all of them) from at least two producers. A figure may sit in several groups: a count for
//   "2025" faces each count taken inside 2025, group by group, never all of 2025 at once.
// - Nothing is averaged or merged: each figure keeps its value, hedge and source. A range counts
//   with both ends, so the spread (largest minus smallest, exact) covers it.

export const NEARBY_DAYS = 45;

export type ComparisonRule = "same_period" | "overlapping_or_nearby";

export const COMPARISON_RULE: Record<ValueKind, ComparisonRule> = {
  yearly_rate: "same_period",
  yearly_count: "same_period",
  rank: "same_period",
  score: "same_period",
  cumulative_count: "overlapping_or_nearby",
  point_in_time_count: "overlapping_or_nearby",
  share: "overlapping_or_nearby",
  amount: "overlapping_or_nearby",
};

/** How a figure's period stands to the period that names its group. */
export type PeriodRelation =
  | { kind: "same" }
  /** A shorter period inside the group's (a month inside the year). */
  | { kind: "inside"; precision: DatePrecision; within: DatePrecision }
  /** Periods that do not overlap, whose ends are `days` apart. */
  | { kind: "apart"; days: number; direction: "before" | "after" };

export type ComparedFigure = { observation: PublicObservation; relation: PeriodRelation };

export type ComparisonGroup = {
  /** The figure whose period names the group: the longest period, the latest on a tie. */
  reference: PublicObservation;
  /** Oldest period first. */
  figures: ComparedFigure[];
  /** Largest minus smallest value (ranges with both ends), exact. */
  spread: string;
  /** True when a figure is hedged ("at least", "about"...), so the spread is too. */
  approximate: boolean;
  /** Most days between two of its figures' periods; 0 when all overlap. */
  daysApart: number;
  /** Every figure is for the same period. */
  samePeriod: boolean;
  /** Every official figure against every independent one (single values only), as the page used to show. */
  gaps: Discrepancy[];
};

const DAY = 86_400_000;
const compareIds = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const keyOf = (group: ComparisonGroup) => group.figures.map((f) => f.observation.id).join(" ");
const dayNumber = (isoDay: string) => fromIsoDay(isoDay).getTime() / DAY;

type Span = { observation: PublicObservation; start: number; end: number };

const spanOf = (observation: PublicObservation): Span => ({
  observation,
  start: dayNumber(observation.asOf),
  end: dayNumber(periodEnd(observation)),
});

const overlap = (a: Span, b: Span) => a.start <= b.end && b.start <= a.end;
/** Days between two periods: 0 when they overlap, else between their ends. */
const daysBetween = (a: Span, b: Span) => (overlap(a, b) ? 0 : Math.abs(a.end - b.end));

/** Whether two figures of an indicator of this kind are compared (see the rule above). */
export function areComparable(kind: ValueKind, a: PublicObservation, b: PublicObservation): boolean {
  if (COMPARISON_RULE[kind] === "same_period") return a.asOf === b.asOf && a.datePrecision === b.datePrecision;
  return daysBetween(spanOf(a), spanOf(b)) <= NEARBY_DAYS;
}

function relationTo(reference: Span, span: Span): PeriodRelation {
  if (span.start === reference.start && span.end === reference.end) return { kind: "same" };
  if (span.start >= reference.start && span.end <= reference.end) {
    return { kind: "inside", precision: span.observation.datePrecision, within: reference.observation.datePrecision };
  }
  return { kind: "apart", days: daysBetween(reference, span), direction: span.end < reference.end ? "before" : "after" };
}

function toGroup(members: Span[]): ComparisonGroup {
  const reference = members.reduce((best, span) => {
    const length = span.end - span.start;
    const bestLength = best.end - best.start;
    return length > bestLength || (length === bestLength && span.end > best.end) ? span : best;
  });
  const ordered = [...members].sort(
    (a, b) =>
      a.start - b.start ||
      a.end - b.end ||
      new Decimal(a.observation.value).cmp(b.observation.value) ||
      compareIds(a.observation.id, b.observation.id),
  );
  const observations = ordered.map((span) => span.observation);
  const lows = observations.map((o) => new Decimal(o.value));
  const highs = observations.map((o) => new Decimal(o.valueMax ?? o.value));
  let daysApart = 0;
  for (const a of ordered) for (const b of ordered) daysApart = Math.max(daysApart, daysBetween(a, b));
  const single = observations.filter((o) => o.valueMax === null);
  return {
    reference: reference.observation,
    figures: ordered.map((span) => ({ observation: span.observation, relation: relationTo(reference, span) })),
    spread: Decimal.max(...highs)
      .minus(Decimal.min(...lows))
      .toString(),
    approximate: observations.some((o) => o.qualifier !== "exact"),
    daysApart,
    samePeriod: ordered.every((span) => span.start === reference.start && span.end === reference.end),
    gaps: single
      .filter((o) => isOfficial(o.producer.type))
      .flatMap((official) => single.filter((o) => !isOfficial(o.producer.type)).map((independent) => gapBetween(official, independent))),
  };
}

// The maximal sets of mutually comparable figures (Bron–Kerbosch with a pivot): an indicator has a
// few hundred figures at most and each is comparable with a handful, so this stays small.
function nearbyCliques(spans: Span[]): Span[][] {
  const near = spans.map((a) => new Set(spans.flatMap((b, j) => (a !== b && daysBetween(a, b) <= NEARBY_DAYS ? [j] : []))));
  const cliques: Span[][] = [];
  const extend = (clique: number[], candidates: number[], excluded: number[]) => {
    if (!candidates.length && !excluded.length) {
      cliques.push(clique.map((index) => spans[index]!));
      return;
    }
    // Tomita's pivot: the vertex with the most neighbours among the candidates, so each level
    // branches only on candidates it does not already cover. Picking by overall degree instead
    // branched on every window of a long daily series and took exponential time past a hundred figures.
    const inCandidates = (v: number) => candidates.reduce((count, w) => (near[v]!.has(w) ? count + 1 : count), 0);
    let pivot = candidates[0] ?? excluded[0]!;
    let pivotCover = -1;
    for (const v of [...candidates, ...excluded]) {
      const cover = inCandidates(v);
      if (cover > pivotCover) [pivot, pivotCover] = [v, cover];
    }
    for (const v of candidates.filter((w) => !near[pivot]!.has(w))) {
      extend(
        [...clique, v],
        candidates.filter((w) => near[v]!.has(w)),
        excluded.filter((w) => near[v]!.has(w)),
      );
      candidates = candidates.filter((w) => w !== v);
      excluded = [...excluded, v];
    }
  };
  extend(
    [],
    spans.map((_, index) => index),
    [],
  );
  return cliques;
}

function samePeriodSets(spans: Span[]): Span[][] {
  const byPeriod = new Map<string, Span[]>();
  for (const span of spans) {
    const key = `${span.observation.asOf}|${span.observation.datePrecision}`;
    byPeriod.set(key, [...(byPeriod.get(key) ?? []), span]);
  }
  return [...byPeriod.values()];
}

/**
 * The groups of comparable published figures of one indicator from at least two producers, most
 * recent first (by the latest period a group holds). Retracted figures are not compared.
 */
export function groupComparableFigures(kind: ValueKind, observations: PublicObservation[]): ComparisonGroup[] {
  // In a fixed order, so the groups do not depend on the order the figures were read in.
  const spans = observations
    .filter((o) => o.status === "published")
    .map(spanOf)
    .sort((a, b) => a.start - b.start || a.end - b.end || compareIds(a.observation.id, b.observation.id));
  const sets = COMPARISON_RULE[kind] === "same_period" ? samePeriodSets(spans) : nearbyCliques(spans);
  const latest = (set: Span[]) => Math.max(...set.map((span) => span.start));
  const latestEnd = (set: Span[]) => Math.max(...set.map((span) => span.end));
  return sets
    .filter((set) => new Set(set.map((span) => span.observation.producer.id)).size > 1)
    .map((set) => ({ set, group: toGroup(set) }))
    .sort((a, b) => latest(b.set) - latest(a.set) || latestEnd(b.set) - latestEnd(a.set) || compareIds(keyOf(a.group), keyOf(b.group)))
    .map(({ group }) => group);
}

/** How far apart two figures that are not compared are, in the largest whole calendar unit that fits. */
export type FigureDistance = { kind: "overlap" } | { kind: "apart"; unit: "years" | "months" | "days"; count: number };

/**
 * The time between two figures, for a reader shown both: "2 years apart" (2025 against 2023),
 * "3 months apart", "12 days apart", or overlapping periods that are still not the same (a month's
 * figure beside a yearly rate). Measured between the periods' ends, as the comparison rule does.
 */
export function distanceBetween(a: PublicObservation, b: PublicObservation): FigureDistance {
  const [first, second] = [spanOf(a), spanOf(b)].sort((x, y) => x.end - y.end) as [Span, Span];
  if (overlap(first, second)) return { kind: "overlap" };
  const days = second.end - first.end;
  const [firstEnd, secondEnd] = [periodEnd(first.observation), periodEnd(second.observation)].map(fromIsoDay) as [Date, Date];
  // Whole months between the ends: 31 January to 30 April is three (both end their months), 31 January to 1 January is eleven.
  const endsMonth = (day: Date) => new Date(day.getTime() + DAY).getUTCDate() === 1;
  const short = secondEnd.getUTCDate() < firstEnd.getUTCDate() && !endsMonth(secondEnd) ? 1 : 0;
  const months = (secondEnd.getUTCFullYear() - firstEnd.getUTCFullYear()) * 12 + (secondEnd.getUTCMonth() - firstEnd.getUTCMonth()) - short;
  if (days < 60) return { kind: "apart", unit: "days", count: days };
  if (months % 12 === 0) return { kind: "apart", unit: "years", count: months / 12 };
  return { kind: "apart", unit: "months", count: months };
}
