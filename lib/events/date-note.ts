import type { Locale } from "../i18n/routing";

type Notes = { dateNoteEs: string | null; dateNoteEn: string | null };

/**
 * An event's date note in the reader's language, or in the other one when only that exists; `lang`
 * is set only then, so a screen reader switches voice for it.
 */
export function dateNoteFor(event: Notes, locale: Locale): { text: string; lang?: Locale } | null {
  const own = locale === "es" ? event.dateNoteEs : event.dateNoteEn;
  if (own) return { text: own };
  const other: Locale = locale === "es" ? "en" : "es";
  const fallback = other === "es" ? event.dateNoteEs : event.dateNoteEn;
  return fallback ? { text: fallback, lang: other } : null;
}
