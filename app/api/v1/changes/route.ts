import { handlePublicGet } from "@/lib/public-api/handler";
import { changesParameters } from "@/lib/public-api/parameters";
import { parseQuery } from "@/lib/public-api/query";
import { preflight, publicJson } from "@/lib/public-api/respond";
import { listPublicChanges } from "@/lib/changes/public-changes";

export const dynamic = "force-dynamic";

// GET /api/v1/changes?since=ISO-8601 – the public change log: published, corrected and retracted figures and reviewed reference changes, newest first
export function GET(request: Request) {
  return handlePublicGet(async () => {
    const query = parseQuery(request, changesParameters);
    const changes = await listPublicChanges({ since: query.since ? new Date(query.since) : undefined, limit: query.limit ?? 500 });
    return publicJson(request, { data: changes, meta: { count: changes.length, since: query.since ?? null } });
  });
}

export const OPTIONS = preflight;
