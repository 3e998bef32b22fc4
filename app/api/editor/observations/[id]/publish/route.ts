import { handleMutation } from "@/lib/api/mutation";
import { publishObservation } from "@/lib/observations/mutations";
import { ZPublishObservation } from "@/lib/schemas/observation";

type Context = { params: Promise<{ id: string }> };

// POST /api/editor/observations/[id]/publish – a second person publishes a draft or a correction
export async function POST(request: Request, { params }: Context) {
  const { id } = await params;
  return handleMutation(request, { schema: ZPublishObservation, run: ({ version }, actor) => publishObservation(actor, id, version) });
}
