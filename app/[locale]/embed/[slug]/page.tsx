import { notFound } from "next/navigation";
import { EmbedChart } from "@/components/embed/EmbedChart";
import { getChartData } from "@/lib/observations/chart-data";
import { chartStateQuery, parseChartState, type SearchParams } from "@/lib/charts/chart-state";
import { listEvents } from "@/lib/events/queries";
import { requireLocale } from "@/lib/i18n/request-locale";
import { getIndicatorBySlug } from "@/lib/indicators/queries";
import { localized } from "@/lib/i18n/localized";
import { siteOrigin } from "@/lib/site-origin";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string; slug: string }>; searchParams: Promise<SearchParams> };

export default async function Page({ params, searchParams }: Props) {
  const locale = await requireLocale(params);
  const { slug } = await params;
  const indicator = await getIndicatorBySlug(slug);
  if (!indicator) notFound();
  const state = parseChartState(await searchParams);
  const [chart, events] = await Promise.all([getChartData(indicator.id, state), listEvents()]);
  const pageUrl = `${await siteOrigin()}/${locale}/indicators/${slug}${chartStateQuery(state)}`;
  return (
    <EmbedChart
      slug={slug}
      name={localized(indicator, "name", locale)}
      chart={chart}
      events={events}
      state={state}
      locale={locale}
      pageUrl={pageUrl}
    />
  );
}
