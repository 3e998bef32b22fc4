import { handlePublicGet } from "@/lib/public-api/handler";
import { listApiEvents } from "@/lib/public-api/events-and-sources";
import { parseQuery, ZQueryDay, ZQueryList } from "@/lib/public-api/query";
import { preflight, publicJson } from "@/lib/public-api/respond";

export const dynamic = "force-dynamic";

// GET /api/v1/events – dated events (decrees, renewals, reports...), oldest first
export function GET(request: Request) {
  return handlePublicGet(async () => {
    const query = parseQuery(
      request,
      { from: ZQueryDay.optional(), to: ZQueryDay.optional(), kind: ZQueryList(["decree", "renewal", "report", "policy", "other"] as const).optional() },
      ({ from, to }) => (from && to && from > to ? `Parameter "from" (${from}) is after "to" (${to}).` : null),
    );
    return publicJson(request, { data: await listApiEvents({ from: query.from, to: query.to, kinds: query.kind }) });
  });
}

export const OPTIONS = preflight;
