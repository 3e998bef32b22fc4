import "server-only";
import { cache } from "react";
import { notFound } from "next/navigation";
import { formatAsOf, formatFigure, producerTypeLabel } from "@/lib/i18n/format";
import { localized } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/routing";
import { getPublicFigure, type PublicFigure } from "@/lib/observations/public-figure";
import { figurePagePath } from "@/lib/reports/report-paths";
import { ZFigureId } from "@/lib/schemas/problem-report";
import { siteOrigin } from "@/lib/site-origin";

export type FigureRouteProps = { params: Promise<{ locale: string; id: string }> };

/** The figure a page asks for, read once per request (metadata and page share it); null unless published or retracted. */
export const findPublicFigure = cache(async (id: string): Promise<PublicFigure | null> => {
  const parsed = ZFigureId.safeParse(id);
  return parsed.success ? getPublicFigure(parsed.data) : null;
});

export async function requirePublicFigure(id: string): Promise<PublicFigure> {
  const figure = await findPublicFigure(id);
  if (!figure) notFound();
  return figure;
}

/** The figure's public address, as its citation gives it. */
export async function figurePageUrl(locale: Locale, id: string): Promise<string> {
  return `${await siteOrigin()}${figurePagePath(locale, id)}`;
}

/** The words a figure's title and description are made of, in the page's language. */
export function figureWords(figure: PublicFigure, locale: Locale) {
  return {
    figure: formatFigure(figure, locale),
    indicator: localized(figure.indicator, "name", locale),
    period: formatAsOf(figure.asOf, figure.datePrecision, locale),
    producer: figure.producer.name,
    type: producerTypeLabel(figure.producer.type, locale),
  };
}
