import type { NextRequest } from "next/server";
import { getTranslations } from "next-intl/server";
import { renderAtomFeed } from "@/lib/atom";
import { buildChangeFeed } from "@/lib/change-feed";
import { isLocale } from "@/lib/i18n/routing";
import { listIndicators } from "@/lib/indicators";
import { localized } from "@/lib/localized";
import { listPublicChanges } from "@/lib/public-changes";

// Changes appear when reviewers publish; never prerender the feed at build time.
export const dynamic = "force-dynamic";

const FEED_SIZE = 50;

type Context = { params: Promise<{ locale: string }> };

// Atom wants absolute links. The address the reader used, as the proxy in front reports it
// (lib/api/mutation.ts trusts the same header): Next's own request URL names its bind address.
function readerOrigin(request: NextRequest): string {
  const first = (name: string) => request.headers.get(name)?.split(",")[0]?.trim() || null;
  const host = first("x-forwarded-host") ?? first("host") ?? request.nextUrl.host;
  const protocol = first("x-forwarded-proto") ?? request.nextUrl.protocol.replace(":", "");
  return `${protocol}://${host}`;
}

// GET /{locale}/changes/feed.xml – the public change log as an Atom feed
export async function GET(request: NextRequest, { params }: Context) {
  const { locale } = await params;
  if (!isLocale(locale)) return new Response("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  const [changes, indicators, t] = await Promise.all([
    listPublicChanges({ limit: FEED_SIZE }),
    listIndicators(),
    getTranslations({ locale, namespace: "changes" }),
  ]);
  const indicatorNames = new Map(indicators.map((indicator) => [indicator.slug, localized(indicator, "name", locale)]));
  const feed = buildChangeFeed({ changes, indicatorNames, locale, origin: readerOrigin(request), t });
  // No shared caching: the links carry the Host the reader sent.
  return new Response(renderAtomFeed(feed), { headers: { "content-type": "application/atom+xml; charset=utf-8", "cache-control": "public, max-age=0, must-revalidate" } });
}
