import { z } from "zod";
import { chartFileName, renderChartFile, ZChartFileOptions } from "@/components/charts/standalone/chart-file";
import { parseChartState } from "@/lib/charts/chart-state";
import { AppError, notFound } from "@/lib/errors";
import { isLocale } from "@/lib/i18n/routing";
import { getIndicatorBySlug } from "@/lib/indicators/queries";
import { handlePublicGet } from "@/lib/public-api/handler";
import { publicResponse } from "@/lib/public-api/respond";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ locale: string; slug: string }> };

// A file: it runs nothing, loads nothing and is framed by no one (as the API).
const FILE_POLICY = "default-src 'none'; frame-ancestors 'none'";

// GET /{locale}/indicators/{slug}/chart.svg?<chart state>&theme=light|dark&size=wide|narrow – the chart as a standalone SVG file
export function GET(request: Request, { params }: Context) {
  return handlePublicGet(async () => {
    const { locale, slug } = await params;
    if (!isLocale(locale)) throw notFound(`Language "${locale}"`);
    const search = new URL(request.url).searchParams;
    // The chart state is read as the page reads it (an unknown or malformed value falls back to its default);
    // the file's own options must be valid. Nothing else in the query changes the answer.
    const parsed = z
      .object(ZChartFileOptions)
      .safeParse({ theme: search.get("theme") ?? undefined, size: search.get("size") ?? undefined });
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new AppError(400, "invalid_parameter", `Parameter "${String(issue.path[0])}" ${issue.message}.`);
    }
    const indicator = await getIndicatorBySlug(slug);
    if (!indicator) throw notFound(`Indicator "${slug}"`);
    const state = parseChartState(Object.fromEntries(search));
    const options = parsed.data;
    const svg = await renderChartFile(indicator, state, locale, options);
    return publicResponse(request, svg, "image/svg+xml; charset=utf-8", {
      "content-disposition": `attachment; filename="${chartFileName(indicator.slug, options, "svg")}"`,
      "content-security-policy": FILE_POLICY,
    });
  });
}
