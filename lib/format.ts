import type { DatePrecision, ProducerType, PublicObservation, Qualifier } from "./observation-types";

const LOCALE = "en-GB";

export const QUALIFIER_LABELS: Record<Qualifier, string> = {
  exact: "",
  at_least: "at least",
  more_than: "more than",
  nearly: "nearly",
  about: "about",
  up_to: "up to",
};

export const PRODUCER_TYPE_LABELS: Record<ProducerType, string> = {
  government: "Government",
  ngo: "NGO",
  media: "Media",
  intergovernmental: "Intergovernmental",
  academic: "Academic",
};

// Intl formats decimal strings exactly (no trip through a float), so "10.4" stays 10.4.
const numberFormat = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 10 });
const formatNumber = (value: string) => numberFormat.format(value as unknown as number);

/** "at least 350", "110,000–120,000": the figure as its source hedged it. */
export function formatFigure(observation: Pick<PublicObservation, "value" | "valueMax" | "qualifier">): string {
  const range = observation.valueMax
    ? `${formatNumber(observation.value)}–${formatNumber(observation.valueMax)}`
    : formatNumber(observation.value);
  const qualifier = QUALIFIER_LABELS[observation.qualifier];
  return qualifier ? `${qualifier} ${range}` : range;
}

const DATE_FORMATS: Record<DatePrecision, Intl.DateTimeFormatOptions> = {
  day: { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" },
  month: { month: "long", year: "numeric", timeZone: "UTC" },
  year: { year: "numeric", timeZone: "UTC" },
};

/** A date shown only as precisely as it is known: "2022", "August 2023", "27 March 2022". */
export function formatAsOf(asOf: string, precision: DatePrecision): string {
  return new Intl.DateTimeFormat(LOCALE, DATE_FORMATS[precision]).format(new Date(`${asOf}T00:00:00Z`));
}
