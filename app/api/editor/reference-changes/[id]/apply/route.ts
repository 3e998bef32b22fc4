import { applyReferenceChangeRoute } from "@/lib/api/reference-routes";

// POST /api/editor/reference-changes/[id]/apply – apply a proposed reference change (a reviewer or admin who did not propose it)
export const POST = applyReferenceChangeRoute;
