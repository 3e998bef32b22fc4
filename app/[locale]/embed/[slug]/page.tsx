import { EmbedChart } from "@/components/embed/EmbedChart";
import { getChartData } from "@/lib/observations/chart-data";
import { indicatorPageUrl, readIndicatorRequest, type IndicatorRouteProps } from "@/components/indicator/indicator-request";
import { chartStateQuery } from "@/lib/charts/chart-state";
import { eventsForIndicator } from "@/lib/events/queries";
import { localized } from "@/lib/i18n/localized";
import { unitFor } from "@/lib/indicators/queries";

export const dynamic = "force-dynamic";

export default async function Page(props: IndicatorRouteProps) {
  const { locale, indicator, state } = await readIndicatorRequest(props);
  const [chart, events] = await Promise.all([getChartData(indicator.id, state), eventsForIndicator(indicator.id)]);
  const pageUrl = `${await indicatorPageUrl(locale, indicator.slug)}${chartStateQuery(state)}`;
  return (
    <EmbedChart
      slug={indicator.slug}
      name={localized(indicator, "name", locale)}
      chart={chart}
      events={events}
      state={state}
      locale={locale}
      pageUrl={pageUrl}
      unit={unitFor(indicator, locale)}
    />
  );
}
