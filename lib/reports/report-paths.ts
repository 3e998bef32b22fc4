import { getPathname } from "../i18n/navigation";
import type { Locale } from "../i18n/routing";

// Where a figure and its report form live; no database import, so pages, forms and routes share them.

/** The figure's public page ("/es/figures/{id}"): cached, the same for every reader. */
export const figurePagePath = (locale: Locale, id: string) => getPathname({ href: `/figures/${id}`, locale });

/** How a plain form's report went: sent, or refused with the error's code, its field and the values its sentence names. */
export type ReportOutcome = { sent: true } | { error: string; field?: string; params?: Record<string, string> };

/**
 * The page a report form without JavaScript lands on: never cached (lib/public-routes.ts does not
 * list it), so one reader's thanks or error is never shown to another.
 */
export function figureReportPath(locale: Locale, id: string, outcome?: ReportOutcome): string {
  const path = getPathname({ href: `/figures/${id}/report`, locale });
  if (!outcome) return path;
  const query = new URLSearchParams();
  if ("sent" in outcome) query.set("sent", "1");
  else {
    query.set("error", outcome.error);
    if (outcome.field) query.set("field", outcome.field);
    for (const [name, value] of Object.entries(outcome.params ?? {})) query.set(`p.${name}`, value);
  }
  return `${path}?${query}`;
}
