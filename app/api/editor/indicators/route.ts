import { referenceCreateRoute } from "@/lib/api/reference-routes";
import { createIndicator } from "@/lib/reference-mutations";
import { ZIndicatorInput } from "@/lib/schemas/reference";

// POST /api/editor/indicators – add an indicator
export const POST = referenceCreateRoute(ZIndicatorInput, createIndicator);
