import { referencePatchRoute } from "@/lib/api/reference-routes";

// PATCH /api/editor/sources/[id] – propose to correct a source's address, publisher or dates (applied by another reviewer)
export const PATCH = referencePatchRoute("source");
