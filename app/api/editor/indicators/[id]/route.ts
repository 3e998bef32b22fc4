import { referencePatchRoute } from "@/lib/api/reference-routes";
import { updateIndicator } from "@/lib/reference-mutations";
import { ZIndicatorInput } from "@/lib/schemas/reference";

// PATCH /api/editor/indicators/[id] – edit an indicator's names, description, unit or classification
export const PATCH = referencePatchRoute(ZIndicatorInput, updateIndicator);
