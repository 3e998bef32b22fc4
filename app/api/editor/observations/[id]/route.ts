import { handleMutation } from "@/lib/api/mutation";
import { updateObservation } from "@/lib/observations/mutations";
import { ZUpdateObservation } from "@/lib/schemas/observation";

type Context = { params: Promise<{ id: string }> };

// PATCH /api/editor/observations/[id] – edit a draft, or propose a correction to a published figure
export async function PATCH(request: Request, { params }: Context) {
  const { id } = await params;
  return handleMutation(request, {
    schema: ZUpdateObservation,
    run: ({ version, observation, reason }, actor) => updateObservation(actor, id, version, observation, reason),
  });
}
