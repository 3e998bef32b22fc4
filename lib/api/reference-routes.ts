import type { z } from "zod";
import type { Actor } from "../auth/actor";
import { withSeenVersion } from "../schemas/reference";
import { handleMutation } from "./mutation";

type Context = { params: Promise<{ id: string }> };

/** PATCH handler for a reference record: body { updatedAt, data }, answered 409 when updatedAt is stale. */
export function referencePatchRoute<Schema extends z.ZodType>(
  schema: Schema,
  update: (actor: Actor, id: string, seenUpdatedAt: string, input: z.infer<Schema>) => Promise<unknown>,
) {
  return async (request: Request, { params }: Context) => {
    const { id } = await params;
    return handleMutation(request, {
      schema: withSeenVersion(schema),
      run: (body, actor) => {
        const { updatedAt, data } = body as { updatedAt: string; data: z.infer<Schema> };
        return update(actor, id, updatedAt, data);
      },
    });
  };
}

/** POST handler that creates a reference record from the schema's input. */
export function referenceCreateRoute<Schema extends z.ZodType>(schema: Schema, create: (actor: Actor, input: z.infer<Schema>) => Promise<unknown>) {
  return (request: Request) => handleMutation(request, { schema, status: 201, run: (input, actor) => create(actor, input) });
}
