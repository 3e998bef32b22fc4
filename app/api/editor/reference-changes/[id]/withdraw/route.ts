import { withdrawReferenceChangeRoute } from "@/lib/api/reference-routes";

// POST /api/editor/reference-changes/[id]/withdraw – withdraw your own proposed reference change
export const POST = withdrawReferenceChangeRoute;
