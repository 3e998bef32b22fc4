import { handlePublicGet } from "@/lib/public-api/handler";
import { listApiEvents } from "@/lib/events/queries";
import { decodeCursor } from "@/lib/public-api/observations";
import { DEFAULT_PAGE_SIZE, nextPageLink, ZQueryCursor } from "@/lib/public-api/paging";
import { parseQuery, ZQueryDay, ZQueryLimit, ZQueryList } from "@/lib/public-api/query";
import { preflight, publicResponse } from "@/lib/public-api/respond";
import { EVENT_KINDS } from "@/lib/schemas/enums";

export const dynamic = "force-dynamic";

// GET /api/v1/events – dated events (decrees, renewals, reports...), oldest first, a page at a time
export function GET(request: Request) {
  return handlePublicGet(async () => {
    const query = parseQuery(
      request,
      {
        from: ZQueryDay.optional(),
        to: ZQueryDay.optional(),
        kind: ZQueryList(EVENT_KINDS).optional(),
        cursor: ZQueryCursor(decodeCursor).optional(),
        limit: ZQueryLimit.optional(),
      },
      ({ from, to }) => (from && to && from > to ? `Parameter "from" (${from}) is after "to" (${to}).` : null),
    );
    const { events, nextCursor } = await listApiEvents(
      { from: query.from, to: query.to, kinds: query.kind },
      { after: query.cursor ?? null, limit: query.limit ?? DEFAULT_PAGE_SIZE },
    );
    const body = JSON.stringify({ data: events, meta: { count: events.length, nextCursor } });
    return publicResponse(request, body, "application/json; charset=utf-8", nextPageLink(request, nextCursor));
  });
}

export const OPTIONS = preflight;
