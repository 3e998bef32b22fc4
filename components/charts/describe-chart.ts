import { formatAsOf, formatFigure, producerTypeLabel } from "@/lib/format";
import type { Locale } from "@/lib/i18n/routing";
import { isOfficial, type PublicObservation } from "@/lib/observation-types";
import { periodEnd } from "@/lib/observation-period";

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
      `${name}: ${count} from ${producers}, ${from} to ${to}.`,
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
    move: (group: string, count: string, first: string, last: string, verb: string) =>
      `${group} (${count}) ${verb} de ${first} a ${last}.`,
    single: (group: string, figure: string) => `${group}: una cifra, ${figure}.`,
    at: (figure: string, date: string, producer: string) => `${figure} (${date}, ${producer})`,
    summary: (name: string, count: string, producers: string, from: string, to: string) =>
      `${name}: ${count} de ${producers}, de ${from} a ${to}.`,
    empty: (name: string) => `${name}: no hay cifras en el periodo elegido.`,
  },
} as const;

function byPeriodEnd(a: PublicObservation, b: PublicObservation) {
  return periodEnd(a).localeCompare(periodEnd(b));
}

export function describeChart(name: string, observations: PublicObservation[], locale: Locale): string {
  const words = WORDS[locale];
  if (!observations.length) return words.empty(name);
  const sorted = [...observations].sort(byPeriodEnd);
  const at = (observation: PublicObservation) =>
    words.at(
      formatFigure(observation, locale),
      formatAsOf(observation.asOf, observation.datePrecision, locale),
      `${observation.producer.name}, ${producerTypeLabel(observation.producer.type, locale)}`,
    );
  const group = (label: string, list: PublicObservation[]) => {
    if (!list.length) return words.none(label);
    const first = list[0]!;
    const last = list.at(-1)!;
    if (list.length === 1) return words.single(label, at(first));
    const change = Number(last.value) - Number(first.value);
    const verb = change > 0 ? words.rose : change < 0 ? words.fell : words.same;
    return words.move(label, words.figures(list.length), at(first), at(last), verb);
  };
  const producers = new Set(sorted.map((observation) => observation.producer.id)).size;
  const first = sorted[0]!;
  const last = sorted.at(-1)!;
  return [
    words.summary(
      name,
      words.figures(sorted.length),
      words.producers(producers),
      formatAsOf(first.asOf, first.datePrecision, locale),
      formatAsOf(last.asOf, last.datePrecision, locale),
    ),
    group(words.official, sorted.filter((o) => isOfficial(o.producer.type))),
    group(words.independent, sorted.filter((o) => !isOfficial(o.producer.type))),
  ].join(" ");
}
