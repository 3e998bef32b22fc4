import { notFound } from "@/lib/errors";
import { handlePublicGet } from "@/lib/public-api/handler";
import { getApiIndicator } from "@/lib/indicators/queries";
import { parseQuery } from "@/lib/public-api/query";
import { preflight, publicJson } from "@/lib/public-api/respond";

export const dynamic = "force-dynamic";

// GET /api/v1/indicators/{slug} – one indicator with its descriptions and framings
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return handlePublicGet(async () => {
    parseQuery(request, {});
    const indicator = await getApiIndicator(slug);
    if (!indicator) throw notFound(`Indicator "${slug}"`);
    return publicJson(request, { data: indicator });
  });
}

export const OPTIONS = preflight;
