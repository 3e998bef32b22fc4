import type { Locale } from "@/lib/i18n/routing";

const INTL_LOCALE: Record<Locale, string> = { en: "en-GB", es: "es-ES" };

/** When something happened in the editor, to the minute, in UTC like the rest of the site. */
export function formatMoment(iso: string, locale: Locale): string {
  return `${new Intl.DateTimeFormat(INTL_LOCALE[locale], { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }).format(new Date(iso))} UTC`;
}
