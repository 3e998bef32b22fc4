import { referencePatchRoute } from "@/lib/api/reference-routes";

// PATCH /api/editor/framings/[id] – propose to edit a framing (applied by another reviewer)
export const PATCH = referencePatchRoute("framing");
