import type { DatePrecision, ProducerType, PublicObservation, Qualifier } from "../observations/types";
import type { Locale } from "./routing";
import { fromIsoDay } from "../dates";

// Domain vocabulary tied to the database enums; interface text lives in lib/i18n/messages.
const INTL_LOCALE: Record<Locale, string> = { en: "en-GB", es: "es-ES" };

export const QUALIFIER_LABELS: Record<Locale, Record<Qualifier, string>> = {
  en: { exact: "", at_least: "at least", more_than: "more than", nearly: "nearly", about: "about", up_to: "up to" },
  es: { exact: "", at_least: "al menos", more_than: "más de", nearly: "casi", about: "unos", up_to: "hasta" },
};

/** Short marks drawn next to hedged points on charts; the legend explains them. */
export const QUALIFIER_MARKS: Record<Qualifier, string> = {
  exact: "",
  at_least: "≥",
  more_than: ">",
  nearly: "≈",
  about: "≈",
  up_to: "≤",
};

export const PRODUCER_TYPE_LABELS: Record<Locale, Record<ProducerType, string>> = {
  en: { government: "Government", ngo: "NGO", media: "Media", intergovernmental: "Intergovernmental", academic: "Academic" },
  es: { government: "Gobierno", ngo: "ONG", media: "Medios", intergovernmental: "Intergubernamental", academic: "Academia" },
};

// Building an Intl formatter costs far more than using one, and a chart labels hundreds of points:
// one formatter per locale and precision, made on first use.
const numberFormats = new Map<Locale, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

// Intl formats decimal strings exactly (no trip through a float), so "10.4" stays 10.4 / 10,4.
export function formatNumber(value: string, locale: Locale): string {
  let format = numberFormats.get(locale);
  if (!format) numberFormats.set(locale, (format = new Intl.NumberFormat(INTL_LOCALE[locale], { maximumFractionDigits: 20 })));
  return format.format(value as unknown as number);
}

/** "at least 350", "110,000–120,000": the figure as its source hedged it. */
export function formatFigure(observation: Pick<PublicObservation, "value" | "valueMax" | "qualifier">, locale: Locale): string {
  const range = observation.valueMax
    ? `${formatNumber(observation.value, locale)}–${formatNumber(observation.valueMax, locale)}`
    : formatNumber(observation.value, locale);
  const qualifier = QUALIFIER_LABELS[locale][observation.qualifier];
  return qualifier ? `${qualifier} ${range}` : range;
}

const DATE_FORMATS: Record<DatePrecision, Intl.DateTimeFormatOptions> = {
  day: { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" },
  month: { month: "long", year: "numeric", timeZone: "UTC" },
  year: { year: "numeric", timeZone: "UTC" },
};

/** A date shown only as precisely as it is known: "2022", "August 2023", "27 de marzo de 2022". */
export function formatAsOf(asOf: string, precision: DatePrecision, locale: Locale): string {
  const key = `${locale}|${precision}`;
  let format = dateFormats.get(key);
  if (!format) dateFormats.set(key, (format = new Intl.DateTimeFormat(INTL_LOCALE[locale], DATE_FORMATS[precision])));
  return format.format(fromIsoDay(asOf));
}

export function producerTypeLabel(type: ProducerType, locale: Locale): string {
  return PRODUCER_TYPE_LABELS[locale][type];
}
