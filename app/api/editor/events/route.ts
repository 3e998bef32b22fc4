import { referenceCreateRoute } from "@/lib/api/reference-routes";

// POST /api/editor/events – propose to add a dated event (applied by another reviewer)
export const POST = referenceCreateRoute("event");
