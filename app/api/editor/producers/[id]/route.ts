import { referencePatchRoute } from "@/lib/api/reference-routes";
import { updateProducer } from "@/lib/reference-mutations";
import { ZProducerInput } from "@/lib/schemas/reference";

// PATCH /api/editor/producers/[id] – rename a producer or correct its type
export const PATCH = referencePatchRoute(ZProducerInput, updateProducer);
