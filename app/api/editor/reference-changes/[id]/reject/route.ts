import { rejectReferenceChangeRoute } from "@/lib/api/reference-routes";

// POST /api/editor/reference-changes/[id]/reject – reject a proposed reference change with a note
export const POST = rejectReferenceChangeRoute;
