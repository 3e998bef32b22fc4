import { z } from "zod";
import { handlePublicGet } from "@/lib/public-api/handler";
import { parseQuery, ZQueryLimit } from "@/lib/public-api/query";
import { preflight, publicJson } from "@/lib/public-api/respond";
import { listPublicChanges } from "@/lib/public-changes";

export const dynamic = "force-dynamic";

const ZSince = z.iso.datetime({ offset: true, error: "must be an ISO-8601 date-time such as 2025-01-31T00:00:00Z" }).or(
  z.iso.date({ error: "must be an ISO-8601 date-time such as 2025-01-31T00:00:00Z" }),
);

// GET /api/v1/changes?since=ISO-8601 – the public change log: published, corrected and retracted figures, newest first
export function GET(request: Request) {
  return handlePublicGet(async () => {
    const query = parseQuery(request, { since: ZSince.optional(), limit: ZQueryLimit.optional() });
    const changes = await listPublicChanges({ since: query.since ? new Date(query.since) : undefined, limit: query.limit ?? 500 });
    return publicJson(request, { data: changes, meta: { count: changes.length, since: query.since ?? null } });
  });
}

export const OPTIONS = preflight;
