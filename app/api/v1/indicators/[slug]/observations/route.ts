import { answerIndicatorObservations } from "@/lib/public-api/indicator-observations";
import { preflight } from "@/lib/public-api/respond";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return answerIndicatorObservations(request, (await params).slug);
}

export const OPTIONS = preflight;
