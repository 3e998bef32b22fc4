import { referencePatchRoute } from "@/lib/api/reference-routes";
import { updateSource } from "@/lib/reference-mutations";
import { ZSourceInput } from "@/lib/schemas/reference";

// PATCH /api/editor/sources/[id] – correct a source's address, publisher or dates
export const PATCH = referencePatchRoute(ZSourceInput, updateSource);
