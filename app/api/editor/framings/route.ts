import { referenceCreateRoute } from "@/lib/api/reference-routes";

// POST /api/editor/framings – propose to add how a producer frames an indicator (applied by another reviewer)
export const POST = referenceCreateRoute("framing");
