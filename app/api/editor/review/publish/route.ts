import { handleMutation } from "@/lib/api/mutation";
import { publishDrafts } from "@/lib/observations/review-actions";
import { SELECTION_MAX_DRAFTS, ZPublishDrafts } from "@/lib/schemas/review";

// A selection names each draft with its version: about 60 bytes a draft.
const BODY_LIMIT_BYTES = SELECTION_MAX_DRAFTS * 100;

// POST /api/editor/review/publish – a second person publishes a selection of drafts, or a whole import batch, all or none
export function POST(request: Request) {
  return handleMutation(request, {
    schema: ZPublishDrafts,
    maxBodyBytes: BODY_LIMIT_BYTES,
    run: (target, actor) => publishDrafts(actor, target),
  });
}
