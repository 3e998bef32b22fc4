import { referenceCreateRoute } from "@/lib/api/reference-routes";
import { createFraming } from "@/lib/reference-mutations";
import { ZFramingInput } from "@/lib/schemas/reference";

// POST /api/editor/framings – add how a producer frames an indicator
export const POST = referenceCreateRoute(ZFramingInput, createFraming);
