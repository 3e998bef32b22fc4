import { referenceCreateRoute } from "@/lib/api/reference-routes";
import { createEvent } from "@/lib/reference-mutations";
import { ZEventInput } from "@/lib/schemas/reference";

// POST /api/editor/events – add a dated event
export const POST = referenceCreateRoute(ZEventInput, createEvent);
