import { referencePatchRoute } from "@/lib/api/reference-routes";
import { updateFraming } from "@/lib/reference-mutations";
import { ZFramingInput } from "@/lib/schemas/reference";

// PATCH /api/editor/framings/[id] – edit a framing
export const PATCH = referencePatchRoute(ZFramingInput, updateFraming);
