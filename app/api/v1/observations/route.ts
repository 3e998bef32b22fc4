import { handleMutation } from "@/lib/api/mutation";
import { createObservationDraft } from "@/lib/observations/mutations";
import { ZObservationInput } from "@/lib/schemas/observation";

// POST /api/v1/observations – scripts submit a figure as a draft (Authorization: Bearer <token>)
export function POST(request: Request) {
  return handleMutation(request, { schema: ZObservationInput, status: 201, run: (input, actor) => createObservationDraft(actor, input) });
}
