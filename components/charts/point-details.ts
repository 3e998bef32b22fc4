import "server-only";
import { createTranslator } from "next-intl";
import en from "@/lib/i18n/messages/en.json";
import es from "@/lib/i18n/messages/es.json";
import { formatAsOf, formatFigure, producerTypeLabel, QUALIFIER_LABELS } from "@/lib/i18n/format";
import { getPathname } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";
import type { ChartModel } from "./chart-model";
import type { PointDetail } from "./point-details-schema";

/** The details box's words for every figure the chart draws, by the figure's id. */
export function buildPointDetails(model: ChartModel, locale: Locale): Record<string, PointDetail> {
  // The messages themselves, not the request's: the same words in a route handler, a page and a test.
  const t = createTranslator({ locale, messages: locale === "es" ? es : en, namespace: "indicator" });
  const details: Record<string, PointDetail> = {};
  for (const series of model.series) {
    for (const [index, { observation }] of series.points.entries()) {
      const hedge = QUALIFIER_LABELS[locale][observation.qualifier];
      details[observation.id] = {
        figure: formatFigure(observation, locale),
        date: formatAsOf(observation.asOf, observation.datePrecision, locale),
        producer: `${observation.producer.name} (${producerTypeLabel(observation.producer.type, locale)})`,
        // Only what the link shows: the rest of the source is on the figure's page.
        source: {
          url: observation.source.url,
          class: observation.source.class,
          archivedUrl: observation.source.archivedUrl,
          brokenSince: observation.source.brokenSince,
        },
        sourceLabel: t("pointSource", { publisher: observation.source.publisher ?? new URL(observation.source.url).hostname }),
        brokenDay: observation.source.brokenSince ? formatAsOf(observation.source.brokenSince, "day", locale) : null,
        hedge: hedge ? (locale === "es" ? `La fuente dice «${hedge}».` : `The source says "${hedge}".`) : null,
        detailsHref: getPathname({ href: `/figures/${observation.id}`, locale }),
        ...(series.dense ? { dot: { series: series.producerId, index } } : {}),
      };
    }
  }
  return details;
}
