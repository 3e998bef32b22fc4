import { notFound } from "next/navigation";
import { parseChartState, type SearchParams } from "@/lib/charts/chart-state";
import { getPathname } from "@/lib/i18n/navigation";
import { requireLocale } from "@/lib/i18n/request-locale";
import type { Locale } from "@/lib/i18n/routing";
import { getIndicatorBySlug } from "@/lib/indicators/queries";
import { siteOrigin } from "@/lib/site-origin";

export type IndicatorRouteProps = { params: Promise<{ locale: string; slug: string }>; searchParams: Promise<SearchParams> };

/** The indicator page's public address (without chart state), as embeds, oEmbed discovery and citations give it. */
export async function indicatorPageUrl(locale: Locale, slug: string): Promise<string> {
  return `${await siteOrigin()}${getPathname({ href: `/indicators/${slug}`, locale })}`;
}

/** What the indicator page and its embed read first: the locale, the indicator (or a 404) and the chart state in the URL. */
export async function readIndicatorRequest({ params, searchParams }: IndicatorRouteProps) {
  const locale = await requireLocale(params);
  const { slug } = await params;
  const indicator = await getIndicatorBySlug(slug);
  if (!indicator) notFound();
  return { locale, indicator, state: parseChartState(await searchParams) };
}
