import { handleMutation } from "@/lib/api/mutation";
import { discardObservation } from "@/lib/observations/review-actions";
import { ZDiscard } from "@/lib/schemas/review";

type Context = { params: Promise<{ id: string }> };

// POST /api/editor/observations/[id]/discard – a draft's writer, or a reviewer, discards it (kept in its history)
export async function POST(request: Request, { params }: Context) {
  const { id } = await params;
  return handleMutation(request, { schema: ZDiscard, run: ({ version, reason }, actor) => discardObservation(actor, id, version, reason) });
}
