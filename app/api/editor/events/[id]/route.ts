import { referencePatchRoute } from "@/lib/api/reference-routes";
import { updateEvent } from "@/lib/reference-mutations";
import { ZEventInput } from "@/lib/schemas/reference";

// PATCH /api/editor/events/[id] – edit an event
export const PATCH = referencePatchRoute(ZEventInput, updateEvent);
