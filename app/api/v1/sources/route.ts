import { handlePublicGet } from "@/lib/public-api/handler";
import { listApiSources } from "@/lib/public-api/events-and-sources";
import { parseQuery } from "@/lib/public-api/query";
import { preflight, publicJson } from "@/lib/public-api/respond";

export const dynamic = "force-dynamic";

// GET /api/v1/sources – every source document and how many figures it supports
export function GET(request: Request) {
  return handlePublicGet(async () => {
    parseQuery(request, {});
    return publicJson(request, { data: await listApiSources() });
  });
}

export const OPTIONS = preflight;
