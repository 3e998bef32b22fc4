import "server-only";
import type { Actor } from "../auth/actor";
import { applyReferenceChange, proposeReferenceChange, rejectReferenceChange, withdrawReferenceChange } from "../reference/mutations";
import {
  REFERENCE_SCHEMAS,
  withReason,
  withSeenVersion,
  ZRejectReferenceChange,
  ZWithdrawReferenceChange,
  type ReferenceEntity,
  type ReferenceInput,
} from "../schemas/reference";
import { handleMutation } from "./mutation";

type Context = { params: Promise<{ id: string }> };

// Edits and new records are proposals: 202 Accepted, since readers see nothing until a reviewer
// who did not propose it applies it (POST /api/editor/reference-changes/[id]/apply).

/** PATCH handler for a reference record: body { version, data, reason }; 409 when the version is stale. */
export function referencePatchRoute(entity: ReferenceEntity) {
  return async (request: Request, { params }: Context) => {
    const { id } = await params;
    return handleMutation(request, {
      schema: withSeenVersion(REFERENCE_SCHEMAS[entity]),
      status: 202,
      run: ({ version, data, reason }, actor) =>
        proposeReferenceChange(actor, { entity, id, seenVersion: version, data: data as ReferenceInput<typeof entity>, reason }),
    });
  };
}

/** POST handler proposing a new reference record: body { data, reason }. */
export function referenceCreateRoute(entity: ReferenceEntity) {
  return (request: Request) =>
    handleMutation(request, {
      schema: withReason(REFERENCE_SCHEMAS[entity]),
      status: 202,
      run: ({ data, reason }, actor) => proposeReferenceChange(actor, { entity, data: data as ReferenceInput<typeof entity>, reason }),
    });
}

const decision =
  <Schema extends typeof ZRejectReferenceChange | typeof ZWithdrawReferenceChange>(
    schema: Schema,
    decide: (actor: Actor, id: string, input: ReturnType<Schema["parse"]>) => Promise<unknown>,
  ) =>
  async (request: Request, { params }: Context) => {
    const { id } = await params;
    return handleMutation(request, { schema, run: (input, actor) => decide(actor, id, input as ReturnType<Schema["parse"]>) });
  };

export const applyReferenceChangeRoute = decision(ZWithdrawReferenceChange, (actor, id) => applyReferenceChange(actor, id));
export const rejectReferenceChangeRoute = decision(ZRejectReferenceChange, (actor, id, input) =>
  rejectReferenceChange(actor, id, (input as { note: string }).note),
);
export const withdrawReferenceChangeRoute = decision(ZWithdrawReferenceChange, (actor, id) => withdrawReferenceChange(actor, id));
