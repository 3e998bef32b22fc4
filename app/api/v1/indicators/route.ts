import { handlePublicGet } from "@/lib/public-api/handler";
import { listApiIndicators } from "@/lib/indicators/queries";
import { parseQuery } from "@/lib/public-api/query";
import { preflight, publicJson } from "@/lib/public-api/respond";

export const dynamic = "force-dynamic";

// GET /api/v1/indicators – every indicator
export function GET(request: Request) {
  return handlePublicGet(async () => {
    parseQuery(request, {});
    return publicJson(request, { data: await listApiIndicators() });
  });
}

export const OPTIONS = preflight;
