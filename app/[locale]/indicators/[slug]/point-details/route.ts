import { readDrawnChart } from "@/components/charts/explorer/explorer-series";
import { buildPointDetails } from "@/components/charts/point-details";
import { parseChartState } from "@/lib/charts/chart-state";
import { notFound } from "@/lib/errors";
import { isLocale } from "@/lib/i18n/routing";
import { getIndicatorBySlug } from "@/lib/indicators/queries";
import { handlePublicGet } from "@/lib/public-api/handler";
import { publicJson } from "@/lib/public-api/respond";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ locale: string; slug: string }> };

// GET /{locale}/indicators/{slug}/point-details?<chart state> – what the chart's details box says of each
// figure the chart draws for that state (the page's and the embed's box read it when a point is first
// opened). The state is read as the page reads it; nothing else in the query changes the answer.
export function GET(request: Request, { params }: Context) {
  return handlePublicGet(async () => {
    const { locale, slug } = await params;
    if (!isLocale(locale)) throw notFound(`Language "${locale}"`);
    const indicator = await getIndicatorBySlug(slug);
    if (!indicator) throw notFound(`Indicator "${slug}"`);
    const state = parseChartState(Object.fromEntries(new URL(request.url).searchParams));
    const { model } = await readDrawnChart(indicator, state);
    return publicJson(request, { data: buildPointDetails(model, locale) });
  });
}
