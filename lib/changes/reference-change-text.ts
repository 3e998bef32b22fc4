import { formatAsOf, producerTypeLabel } from "../i18n/format";
import type { Locale } from "../i18n/routing";
import type { DatePrecision } from "../observations/types";
import type { PublicReferenceChange } from "./public-change-shapes";

// How an applied change to a producer, source, indicator, framing or event reads on the public change
// log and its feed, in the reader's language: what it is, and each field that changed.

/** next-intl translator of the "changes" namespace. */
type Translate = (key: string, values?: Record<string, string>) => string;

export type ReferenceChangeLine = { field: string; label: string; before: string | null; after: string | null };

const FIELDS = {
  producer: ["name", "type"],
  source: ["url", "publisher", "publishedAt", "archivedUrl", "sourceClass"],
  indicator: ["slug", "nameEs", "nameEn", "descriptionEs", "descriptionEn", "unit", "unitEs", "theme", "valueKind"],
  framing: ["indicatorSlug", "producer", "sourceUrl", "summaryEs", "summaryEn"],
  event: [
    "kind",
    "startsOn",
    "endsOn",
    "datePrecision",
    "dateNote",
    "dateNoteEs",
    "titleEs",
    "titleEn",
    "sourceUrl",
    "appliesToAll",
    "indicatorSlugs",
  ],
} as const;

const ENUM_FIELDS = new Set(["kind", "theme", "valueKind", "datePrecision", "sourceClass"]);

function display(field: string, values: Record<string, unknown>, locale: Locale, t: Translate): string | null {
  const value = values[field];
  if (value === null || value === undefined || value === "" || value === false) return null;
  if (value === true) return t("values.yes");
  if (Array.isArray(value)) return value.length ? value.join(", ") : null;
  if (field === "type") return producerTypeLabel(value as never, locale);
  if (field === "producer") {
    const producer = value as { name: string; type: string };
    return `${producer.name} (${producerTypeLabel(producer.type as never, locale)})`;
  }
  if (field === "publishedAt" || field === "endsOn") return formatAsOf(String(value), "day", locale);
  if (field === "startsOn") return formatAsOf(String(value), (values.datePrecision as DatePrecision | undefined) ?? "day", locale);
  if (ENUM_FIELDS.has(field)) return t(`values.${field}.${String(value)}`);
  return String(value);
}

/** Each field an edit changed (every field given, for a record added), labelled in the reader's language. */
export function referenceChangeLines(change: PublicReferenceChange, locale: Locale, t: Translate): ReferenceChangeLine[] {
  const before = change.before as Record<string, unknown> | null;
  const after = change.after as Record<string, unknown> | null;
  return FIELDS[change.entityType].flatMap((field) => {
    const was = before ? display(field, before, locale, t) : null;
    const now = after ? display(field, after, locale, t) : null;
    if (was === now) return [];
    return [{ field, label: t(`fields.${field}`), before: was, after: now }];
  });
}

/** What the change is about, as readers know it: a producer's name, a source's address, an indicator's or event's title. */
export function referenceChangeSubject(change: PublicReferenceChange, locale: Locale): string | null {
  const values = (change.after ?? change.before) as Record<string, unknown> | null;
  if (!values) return null;
  const pick = (es: string, en: string) => String(values[locale === "es" ? es : en] ?? values[en] ?? "");
  switch (change.entityType) {
    case "producer":
      return String(values.name);
    case "source":
      return String(values.url);
    case "indicator":
      return pick("nameEs", "nameEn");
    case "framing":
      return (values.producer as { name: string }).name;
    case "event":
      return pick("titleEs", "titleEn");
  }
}

/** "Producer: Asociación Civil", or the entity alone when the stored values could not be read. */
export function referenceChangeTitle(change: PublicReferenceChange, locale: Locale, t: Translate): string {
  const subject = referenceChangeSubject(change, locale);
  const entity = t(`entities.${change.entityType}`);
  return subject ? `${entity}: ${subject}` : entity;
}
