import { handlePublicGet } from "@/lib/public-api/handler";
import { indicatorExists, listApiEvents } from "@/lib/events/queries";
import { AppError } from "@/lib/errors";
import { decodeCursor } from "@/lib/public-api/observations";
import { DEFAULT_PAGE_SIZE, nextPageLink } from "@/lib/public-api/paging";
import { eventsParameters } from "@/lib/public-api/parameters";
import { parseQuery } from "@/lib/public-api/query";
import { preflight, publicResponse } from "@/lib/public-api/respond";

export const dynamic = "force-dynamic";

// GET /api/v1/events – dated events (decrees, renewals, reports...), oldest first, a page at a time, optionally one indicator's
export function GET(request: Request) {
  return handlePublicGet(async () => {
    const query = parseQuery(request, eventsParameters(decodeCursor), ({ from, to }) =>
      from && to && from > to ? `Parameter "from" (${from}) is after "to" (${to}).` : null,
    );
    if (query.indicator && !(await indicatorExists(query.indicator)))
      throw new AppError(400, "invalid_parameter", `Parameter "indicator" names no indicator: "${query.indicator}".`);
    const { events, nextCursor } = await listApiEvents(
      { from: query.from, to: query.to, kinds: query.kind, indicatorSlug: query.indicator },
      { after: query.cursor ?? null, limit: query.limit ?? DEFAULT_PAGE_SIZE },
    );
    const body = JSON.stringify({ data: events, meta: { count: events.length, nextCursor } });
    return publicResponse(request, body, "application/json; charset=utf-8", nextPageLink(request, nextCursor));
  });
}

export const OPTIONS = preflight;
