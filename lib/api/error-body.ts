import { z } from "zod";

/** Every error answer's body, as errorResponse() in lib/api/respond.ts writes it; zod only, so browsers can read it too. */
export const ZErrorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});
export type TErrorBody = z.infer<typeof ZErrorBody>;
