import { getChartSeries } from "@/components/charts/explorer/explorer-series";
import type { ChartState } from "@/lib/charts/chart-state";
import { notFound } from "@/lib/errors";
import { getIndicatorBySlug } from "@/lib/indicators/queries";
import { chartSeriesParameters } from "@/lib/public-api/chart-series";
import { handlePublicGet } from "@/lib/public-api/handler";
import { parseQuery } from "@/lib/public-api/query";
import { preflight, publicJson } from "@/lib/public-api/respond";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ slug: string }> };

// GET /api/v1/indicators/{slug}/chart-series?locale=en&<chart state> – the figures the indicator chart draws, for its explorer
export function GET(request: Request, { params }: Context) {
  return handlePublicGet(async () => {
    const { slug } = await params;
    const query = parseQuery(request, chartSeriesParameters, ({ from, to }) =>
      from !== undefined && to !== undefined && from > to ? `Parameter "from" (${from}) is after "to" (${to}).` : null,
    );
    const indicator = await getIndicatorBySlug(slug);
    if (!indicator) throw notFound(`Indicator "${slug}"`);
    const state: Pick<ChartState, "hidden" | "from" | "to" | "scale" | "sources"> = {
      hidden: [...new Set(query.hide ?? [])],
      from: query.from ?? null,
      to: query.to ?? null,
      scale: query.scale ?? "linear",
      sources: query.sources ?? "all",
    };
    return publicJson(request, { data: await getChartSeries(indicator, state, query.locale) });
  });
}

export const OPTIONS = preflight;
