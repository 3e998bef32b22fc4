import { z } from "zod";
import { getIndicatorBySlug } from "@/lib/indicators/queries";
import { localized } from "@/lib/i18n/localized";
import { embedHeightFor } from "@/components/embed/embed-size";
import { EMBED_WIDTH, embedIframe, parseIndicatorUrl } from "@/lib/public-api/oembed";
import { handlePublicGet } from "@/lib/public-api/handler";
import { parseQuery } from "@/lib/public-api/query";
import { publicError, publicJson } from "@/lib/public-api/respond";
import { AppError, notFound } from "@/lib/errors";
import { originFromHeaders } from "@/lib/site-origin";

export const dynamic = "force-dynamic";

const origin = (request: Request) => originFromHeaders(request.headers);

// GET /api/oembed?url=<indicator page> – oEmbed 1.0 "rich" response with the iframe to paste
export function GET(request: Request) {
  return handlePublicGet(async () => {
    const query = parseQuery(request, {
      url: z.string({ error: "is required" }).min(1, "is required"),
      format: z.string().optional(),
      maxwidth: z.coerce.number().int().positive().optional(),
      maxheight: z.coerce.number().int().positive().optional(),
    });
    if (query.format && query.format !== "json") return publicError(501, "not_implemented", "Only format=json is offered.");
    const target = parseIndicatorUrl(query.url, origin(request));
    if (!target) throw new AppError(404, "not_found", "The url is not an indicator page of this site.");
    const indicator = await getIndicatorBySlug(target.slug);
    if (!indicator) throw notFound(`Indicator "${target.slug}"`);
    const width = Math.min(EMBED_WIDTH, query.maxwidth ?? EMBED_WIDTH);
    // The height the embed code on the page gives (the chart as this address draws it), within maxheight.
    const fits = await embedHeightFor(indicator, target.search, target.locale);
    const height = Math.min(fits, query.maxheight ?? fits);
    const title = localized(indicator, "name", target.locale);
    const src = `${origin(request)}/${target.locale}/embed/${target.slug}${target.search}`;
    return publicJson(request, {
      version: "1.0",
      type: "rich",
      provider_name: "Contraste",
      provider_url: `${origin(request)}/`,
      title,
      width,
      height,
      html: embedIframe(src, title, width, height),
    });
  });
}
