import { handleMutation } from "@/lib/api/mutation";
import { sendBackObservation } from "@/lib/observations/review-actions";
import { ZSendBack } from "@/lib/schemas/review";

type Context = { params: Promise<{ id: string }> };

// POST /api/editor/observations/[id]/send-back – a reviewer sends a draft back to its writers with a comment
export async function POST(request: Request, { params }: Context) {
  const { id } = await params;
  return handleMutation(request, { schema: ZSendBack, run: ({ version, note }, actor) => sendBackObservation(actor, id, version, note) });
}
