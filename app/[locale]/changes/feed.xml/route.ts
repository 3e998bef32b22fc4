import { getTranslations } from "next-intl/server";
import { etagOf, ifNoneMatchIncludes } from "@/lib/api/etag";
import { renderAtomFeed } from "@/lib/changes/atom";
import { buildChangeFeed } from "@/lib/changes/feed";
import { isLocale } from "@/lib/i18n/routing";
import { listIndicators } from "@/lib/indicators/queries";
import { localized } from "@/lib/i18n/localized";
import { listPublicChanges } from "@/lib/changes/public-changes";
import { originFromHeaders } from "@/lib/site-origin";

// Changes appear when reviewers publish; never prerender the feed at build time.
export const dynamic = "force-dynamic";

const FEED_SIZE = 50;

type Context = { params: Promise<{ locale: string }> };

// GET /{locale}/changes/feed.xml – the public change log as an Atom feed
export async function GET(request: Request, { params }: Context) {
  const { locale } = await params;
  if (!isLocale(locale)) return new Response("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  const [changes, indicators, t] = await Promise.all([
    listPublicChanges({ limit: FEED_SIZE }),
    listIndicators(),
    getTranslations({ locale, namespace: "changes" }),
  ]);
  const indicatorNames = new Map(indicators.map((indicator) => [indicator.slug, localized(indicator, "name", locale)]));
  const feed = buildChangeFeed({ changes, indicatorNames, locale, origin: originFromHeaders(request.headers), t });
  const body = renderAtomFeed(feed);
  // The same ETag the response cache gives its copy (lib/api/etag.ts), so a feed reader revalidates
  // alike whichever answered. No shared caching: the links carry the Host the reader sent.
  const etag = etagOf(body);
  const headers = { etag, "cache-control": "public, max-age=0, must-revalidate" };
  if (ifNoneMatchIncludes(request.headers.get("if-none-match"), etag)) return new Response(null, { status: 304, headers });
  return new Response(body, { headers: { ...headers, "content-type": "application/atom+xml; charset=utf-8" } });
}
