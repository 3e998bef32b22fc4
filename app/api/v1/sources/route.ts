import { handlePublicGet } from "@/lib/public-api/handler";
import { decodeSourceCursor, listApiSources } from "@/lib/sources/queries";
import { DEFAULT_PAGE_SIZE, nextPageLink } from "@/lib/public-api/paging";
import { sourcesParameters } from "@/lib/public-api/parameters";
import { parseQuery } from "@/lib/public-api/query";
import { preflight, publicResponse } from "@/lib/public-api/respond";

export const dynamic = "force-dynamic";

// GET /api/v1/sources – the public source documents, each with its class, and how many figures each supports, a page at a time
export function GET(request: Request) {
  return handlePublicGet(async () => {
    const query = parseQuery(request, sourcesParameters(decodeSourceCursor));
    const { sources, nextCursor } = await listApiSources(
      { classes: query.class },
      { after: query.cursor ?? null, limit: query.limit ?? DEFAULT_PAGE_SIZE },
    );
    const body = JSON.stringify({ data: sources, meta: { count: sources.length, nextCursor } });
    return publicResponse(request, body, "application/json; charset=utf-8", nextPageLink(request, nextCursor));
  });
}

export const OPTIONS = preflight;
