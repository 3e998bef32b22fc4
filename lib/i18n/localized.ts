import type { Locale } from "./routing";

type Bilingual<Field extends string, Value> = Record<`${Field}Es` | `${Field}En`, Value>;

/** Picks the reader's language from a record that carries both: localized(indicator, "name", "es") → nameEs. */
export function localized<Field extends string>(row: Bilingual<Field, string>, field: Field, locale: Locale): string;
export function localized<Field extends string>(row: Bilingual<Field, string | null>, field: Field, locale: Locale): string | null;
export function localized<Field extends string>(row: Bilingual<Field, string | null>, field: Field, locale: Locale): string | null {
  return locale === "es" ? row[`${field}Es`] : row[`${field}En`];
}

/** A stored text and the language it is written in, so the page can mark it when it is not the reader's. */
export type TextInLanguage = { text: string; lang: Locale };

/**
 * The reader's language when the record has it, else the other one, saying which: a note that exists only in
 * English is shown on a Spanish page as { text, lang: "en" }, and the caller marks it with lang="en".
 */
export function localizedOrOther<Field extends string>(
  row: Bilingual<Field, string | null>,
  field: Field,
  locale: Locale,
): TextInLanguage | null {
  const other: Locale = locale === "es" ? "en" : "es";
  const own = localized(row, field, locale);
  if (own) return { text: own, lang: locale };
  const fallback = localized(row, field, other);
  return fallback ? { text: fallback, lang: other } : null;
}

/** The lang attribute a text needs on a page in `locale`: none when it is the page's language. */
export const langUnlessPage = (text: TextInLanguage, locale: Locale): Locale | undefined => (text.lang === locale ? undefined : text.lang);
