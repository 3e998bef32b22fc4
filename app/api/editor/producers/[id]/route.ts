import { referencePatchRoute } from "@/lib/api/reference-routes";

// PATCH /api/editor/producers/[id] – propose to rename a producer or correct its type (applied by another reviewer)
export const PATCH = referencePatchRoute("producer");
