import { isLocale } from "@/lib/i18n/routing";
import type { Metadata } from "next";
import { IndicatorPage } from "@/components/indicator/IndicatorPage";
import { indicatorPageUrl, readIndicatorRequest, type IndicatorRouteProps } from "@/components/indicator/indicator-request";
import { getChartData } from "@/lib/observations/chart-data";
import { keptSourceClasses } from "@/lib/charts/chart-state";
import { eventsForIndicator } from "@/lib/events/queries";
import { listFramings } from "@/lib/indicators/framings";
import { countSelection, listObservationPage, listObservationYears, listProducerTypes } from "@/lib/observations/indicator-figures";
import { listFigureComparisons } from "@/lib/observations/figure-comparisons";
import { getIndicatorBySlug } from "@/lib/indicators/queries";
import { localized } from "@/lib/i18n/localized";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: IndicatorRouteProps): Promise<Metadata> {
  const { locale, slug } = await params;
  const indicator = isLocale(locale) ? await getIndicatorBySlug(slug) : null;
  if (!indicator || !isLocale(locale)) return {};
  const pageUrl = await indicatorPageUrl(locale, slug);
  return {
    title: localized(indicator, "name", locale),
    description: localized(indicator, "description", locale),
    // oEmbed discovery: newsroom tools find the embed code from the page address.
    alternates: { types: { "application/json+oembed": `/api/oembed?url=${encodeURIComponent(pageUrl)}` } },
  };
}

export default async function Page(props: IndicatorRouteProps) {
  const { locale, indicator, state } = await readIndicatorRequest(props);
  const [chart, table, counts, discrepancies, years, producerTypes, events, framings] = await Promise.all([
    // The table view draws no chart: its figures are not read at all.
    state.view === "chart" ? getChartData(indicator.id, state) : null,
    // The table, the figure count and the downloads keep the reader's selection, as the chart does.
    listObservationPage(indicator.id, state),
    countSelection(indicator.id, state),
    listFigureComparisons(indicator.id, undefined, keptSourceClasses(state)),
    listObservationYears(indicator.id),
    listProducerTypes(indicator.id),
    eventsForIndicator(indicator.id),
    listFramings(indicator.id),
  ]);
  return (
    <IndicatorPage
      pageUrl={await indicatorPageUrl(locale, indicator.slug)}
      indicator={indicator}
      chart={chart}
      table={table}
      counts={counts}
      discrepancies={discrepancies}
      years={years}
      producerTypes={producerTypes}
      events={events}
      framings={framings}
      state={state}
      locale={locale}
    />
  );
}
