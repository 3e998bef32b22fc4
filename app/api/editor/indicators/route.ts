import { referenceCreateRoute } from "@/lib/api/reference-routes";

// POST /api/editor/indicators – propose to add an indicator (applied by another reviewer)
export const POST = referenceCreateRoute("indicator");
