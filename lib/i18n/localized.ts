import type { Locale } from "./routing";

type Bilingual<Field extends string, Value> = Record<`${Field}Es` | `${Field}En`, Value>;

/** Picks the reader's language from a record that carries both: localized(indicator, "name", "es") → nameEs. */
export function localized<Field extends string>(row: Bilingual<Field, string>, field: Field, locale: Locale): string;
export function localized<Field extends string>(row: Bilingual<Field, string | null>, field: Field, locale: Locale): string | null;
export function localized<Field extends string>(row: Bilingual<Field, string | null>, field: Field, locale: Locale): string | null {
  return locale === "es" ? row[`${field}Es`] : row[`${field}En`];
}
