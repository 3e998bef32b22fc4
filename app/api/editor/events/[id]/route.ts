import { referencePatchRoute } from "@/lib/api/reference-routes";

// PATCH /api/editor/events/[id] – propose to edit an event (applied by another reviewer)
export const PATCH = referencePatchRoute("event");
