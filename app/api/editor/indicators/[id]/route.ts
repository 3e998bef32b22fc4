import { referencePatchRoute } from "@/lib/api/reference-routes";

// PATCH /api/editor/indicators/[id] – propose to edit an indicator's names, description, unit or classification (applied by another reviewer)
export const PATCH = referencePatchRoute("indicator");
