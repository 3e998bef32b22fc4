import { handleMutation } from "@/lib/api/mutation";
import { createObservationDraft } from "@/lib/observations/mutations";
import { ZObservationInput } from "@/lib/schemas/observation";

// POST /api/editor/observations – add a figure as a draft
export function POST(request: Request) {
  return handleMutation(request, { schema: ZObservationInput, status: 201, run: (input, actor) => createObservationDraft(actor, input) });
}
