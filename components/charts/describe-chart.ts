import type { ChartSummary, FigureGroupSummary } from "@/lib/observations/chart-points";
import { formatAsOf, formatFigure, producerTypeLabel } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/routing";
import { isOfficial, type PublicObservation } from "@/lib/observations/types";
import { periodEnd } from "@/lib/observations/period";

// The chart's text alternative, written from the data: what each side reported, how it moved,
// and the latest figure with its date and producer.

const WORDS = {
  en: {
    figures: (n: number) => (n === 1 ? "1 figure" : `${n} figures`),
    producers: (n: number) => (n === 1 ? "1 producer" : `${n} producers`),
    official: "Official figures",
    independent: "Independent figures",
    none: (group: string) => `${group}: none in this range.`,
    rose: "rose",
    fell: "fell",
    same: "stayed the same",
    move: (group: string, count: string, first: string, last: string, verb: string) =>
      `${group} (${count}) ${verb} from ${first} to ${last}.`,
    single: (group: string, figure: string) => `${group}: one figure, ${figure}.`,
    at: (figure: string, date: string, producer: string) => `${figure} (${date}, ${producer})`,
    summary: (name: string, count: string, producers: string, from: string, to: string) =>
      from === to ? `${name}: ${count} from ${producers}, ${from}.` : `${name}: ${count} from ${producers}, ${from} to ${to}.`,
    empty: (name: string) => `${name}: no figures in the selected range.`,
  },
  es: {
    figures: (n: number) => (n === 1 ? "1 cifra" : `${n} cifras`),
    producers: (n: number) => (n === 1 ? "1 fuente" : `${n} fuentes`),
    official: "Cifras oficiales",
    independent: "Cifras independientes",
    none: (group: string) => `${group}: ninguna en este periodo.`,
    rose: "subieron",
    fell: "bajaron",
    same: "se mantuvieron",
    move: (group: string, count: string, first: string, last: string, verb: string) => `${group} (${count}) ${verb} de ${first} a ${last}.`,
    single: (group: string, figure: string) => `${group}: una cifra, ${figure}.`,
    at: (figure: string, date: string, producer: string) => `${figure} (${date}, ${producer})`,
    summary: (name: string, count: string, producers: string, from: string, to: string) =>
      from === to ? `${name}: ${count} de ${producers}, ${from}.` : `${name}: ${count} de ${producers}, de ${from} a ${to}.`,
    empty: (name: string) => `${name}: no hay cifras en el periodo elegido.`,
  },
} as const;

function byPeriodEnd(a: PublicObservation, b: PublicObservation) {
  return periodEnd(a).localeCompare(periodEnd(b));
}

function summarizeGroup(list: PublicObservation[]): FigureGroupSummary {
  const sorted = [...list].sort(byPeriodEnd);
  return { count: sorted.length, first: sorted[0] ?? null, last: sorted.at(-1) ?? null };
}

/** The summary of a full list of figures, oldest first (the chart's data query computes the same in SQL). */
export function summarizeFigures(observations: PublicObservation[]): ChartSummary {
  return {
    count: observations.length,
    producerCount: new Set(observations.map((observation) => observation.producer.id)).size,
    official: summarizeGroup(observations.filter((o) => isOfficial(o.producer.type))),
    independent: summarizeGroup(observations.filter((o) => !isOfficial(o.producer.type))),
  };
}

// The earlier of two firsts (or later of two lasts) across both sides; on a tie the one that starts
// earlier comes first, as a sort of every figure by period end would put it.
const earlier = (a: PublicObservation | null, b: PublicObservation | null) =>
  !a || (b && (byPeriodEnd(b, a) < 0 || (byPeriodEnd(b, a) === 0 && b.asOf < a.asOf))) ? b : a;
const later = (a: PublicObservation | null, b: PublicObservation | null) =>
  !a || (b && (byPeriodEnd(b, a) > 0 || (byPeriodEnd(b, a) === 0 && b.asOf > a.asOf))) ? b : a;

export function describeChart(name: string, summary: ChartSummary, locale: Locale): string {
  const words = WORDS[locale];
  const first = earlier(summary.official.first, summary.independent.first);
  const last = later(summary.official.last, summary.independent.last);
  if (!summary.count || !first || !last) return words.empty(name);
  const at = (observation: PublicObservation) =>
    words.at(
      formatFigure(observation, locale),
      formatAsOf(observation.asOf, observation.datePrecision, locale),
      `${observation.producer.name}, ${producerTypeLabel(observation.producer.type, locale)}`,
    );
  const group = (label: string, { count, first: groupFirst, last: groupLast }: FigureGroupSummary) => {
    if (!count || !groupFirst || !groupLast) return words.none(label);
    if (count === 1) return words.single(label, at(groupFirst));
    const change = Number(groupLast.value) - Number(groupFirst.value);
    const verb = change > 0 ? words.rose : change < 0 ? words.fell : words.same;
    return words.move(label, words.figures(count), at(groupFirst), at(groupLast), verb);
  };
  return [
    words.summary(
      name,
      words.figures(summary.count),
      words.producers(summary.producerCount),
      formatAsOf(first.asOf, first.datePrecision, locale),
      formatAsOf(last.asOf, last.datePrecision, locale),
    ),
    group(words.official, summary.official),
    group(words.independent, summary.independent),
  ].join(" ");
}

/** The producers' names describeChart quotes (stored data, not the site's words), for marking them. */
export function describedProducerNames(summary: ChartSummary): string[] {
  return [summary.official.first, summary.official.last, summary.independent.first, summary.independent.last].flatMap((observation) =>
    observation ? [observation.producer.name] : [],
  );
}
