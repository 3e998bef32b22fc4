import "server-only";
import type { Actor } from "../auth/actor";
import { runTransaction } from "../db/transaction";
import { appendChange, type ChangeAction } from "../changes/history";
import { getDb } from "../db/client";
import { AppError, conflict, forbidden, notFound } from "../errors";
import { eventWriter } from "../events/mutations";
import type { Prisma } from "@/lib/generated/prisma/client";
import { framingWriter, indicatorWriter } from "../indicators/mutations";
import {
  canApplyReferenceChange,
  canProposeReferenceChange,
  canRejectReferenceChange,
  canWithdrawReferenceChange,
} from "../auth/permissions";
import { loadReferenceRecord, proposalSelect, toProposalView, type ProposalRow, type ReferenceChangeView } from "./queries";
import type { ReferenceWriter, Tx } from "./record";
import { REFERENCE_SCHEMAS, type ReferenceEntity, type ReferenceInput } from "../schemas/reference";
import { isStorableText } from "../schemas/storable-text";
import { producerWriter, sourceWriter } from "../sources/mutations";

// Reference data readers see changes in two steps, like a figure. An editor proposes (an edit or a
// new record, with a reason): nothing public changes. A reviewer or admin who did not propose it
// applies it in one serializable transaction: the record changes, a public change entry with the
// reason and the before and after is written, and the cached pages that show it are dropped.

// Each kind of record is written by its own module; producers and sources are created only with the
// figures that first cite them (reviewed as figures).
const WRITERS: { [Entity in ReferenceEntity]: ReferenceWriter<Entity> } = {
  source: sourceWriter,
  producer: producerWriter,
  indicator: indicatorWriter,
  framing: framingWriter,
  event: eventWriter,
};

const writerOf = <Entity extends ReferenceEntity>(entity: Entity) => WRITERS[entity] as unknown as ReferenceWriter<ReferenceEntity>;

const duplicateError = (field: string) =>
  new AppError(409, "duplicate", "Another record already has this value; change it or edit that record instead.", {
    fields: [{ path: field, message: "Already in use." }],
    params: { field },
  });

// The proposal is stored as JSON, which PostgreSQL checks more strictly than text: no NUL (a 400, as
// for any text field) and no lone surrogate (the text column would have stored U+FFFD for it anyway).
function asJson(value: unknown): Prisma.InputJsonValue {
  return JSON.parse(JSON.stringify(value), (_key, item: unknown) => {
    if (typeof item !== "string") return item;
    if (!isStorableText(item)) throw new AppError(400, "invalid_request", "Text cannot contain the NUL character (U+0000).");
    return item.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
  }) as Prisma.InputJsonValue;
}

type Proposal<Entity extends ReferenceEntity> = {
  entity: Entity;
  /** The record to change; absent for a new one. */
  id?: string;
  /** The record's version the editor started from (an edit only). */
  seenVersion?: number;
  data: ReferenceInput<Entity>;
  reason: string;
};

/** Records a proposed edit or new record; what readers see stays as it is. */
export async function proposeReferenceChange<Entity extends ReferenceEntity>(
  actor: Actor,
  proposal: Proposal<Entity>,
): Promise<ReferenceChangeView> {
  if (!canProposeReferenceChange(actor) || actor.kind !== "user")
    throw forbidden("Only editors, reviewers and admins can propose changes to reference data.", "staff_only");
  const { entity, id, seenVersion, data, reason } = proposal;
  const writer = writerOf(entity);
  const isCreate = id === undefined;
  if (isCreate && !writer.create)
    throw forbidden(`A new ${entity} is added with the figure that cites it.`, "created_with_figure", { params: { entity } });
  return runTransaction(
    getDb(),
    async (tx) => {
      if (!isCreate) {
        const current = isStorableText(id!) ? await loadReferenceRecord(tx, entity, id!) : null;
        if (!current) throw notFound(`This ${entity}`, "record_not_found");
        if (current.version !== seenVersion) {
          throw conflict(
            "Someone changed this since you opened it. Review the current version and propose your change again.",
            { current: current.values },
            "stale_version",
          );
        }
      }
      const stored = asJson(data);
      await writer.check?.(tx, data);
      const taken = await writer.duplicate?.(tx, id ?? null, data);
      if (taken) throw duplicateError(taken);
      const row = await tx.referenceChange.create({
        data: {
          entityType: entity,
          entityId: id ?? null,
          isCreate,
          data: stored,
          seenVersion: seenVersion ?? null,
          reason,
          proposedById: actor.user.id,
        },
        select: proposalSelect,
      });
      await appendChange(tx, {
        action: "reference.proposed",
        entityType: "reference_change",
        entityId: row.id,
        actor,
        reason,
        after: { entityType: entity, entityId: id ?? null, data: stored },
      });
      return toProposalView(row);
    },
    { isolationLevel: "Serializable" },
  );
}

async function pendingProposal(tx: Tx, proposalId: string, allowed: (proposal: ProposalRow) => boolean, refusal: AppError) {
  const proposal = isStorableText(proposalId)
    ? await tx.referenceChange.findUnique({ where: { id: proposalId }, select: proposalSelect })
    : null;
  if (!proposal) throw notFound("This proposed change", "proposal_not_found");
  if (!allowed(proposal)) throw refusal;
  if (proposal.status !== "pending")
    throw conflict(
      `This change was already ${proposal.status}.`,
      { status: proposal.status, params: { status: proposal.status } },
      "already_decided",
    );
  return proposal;
}

/** Who decided, for the proposal's record; a token acts for no reviewer. */
const reviewerOf = (actor: Actor) => (actor.kind === "user" ? actor.user.id : null);

/** Records what was decided on a proposal (applied, rejected or withdrawn), and when. */
async function recordDecision(
  tx: Tx,
  proposal: ProposalRow,
  decision: { status: "applied" | "rejected" | "withdrawn"; entityId?: string; reviewNote?: string; reviewedById?: string | null },
): Promise<ReferenceChangeView> {
  const decided = await tx.referenceChange.update({
    where: { id: proposal.id },
    data: { ...decision, decidedAt: new Date() },
    select: proposalSelect,
  });
  return toProposalView(decided);
}

/**
 * A decision on a pending proposal, in one serializable transaction: refused unless `allowed` (the
 * permission), and a 409 once another decision was taken.
 */
function decidePending<T>(
  proposalId: string,
  allowed: (proposal: ProposalRow) => boolean,
  refusal: AppError,
  decide: (tx: Tx, proposal: ProposalRow) => Promise<T>,
): Promise<T> {
  return runTransaction(getDb(), async (tx) => decide(tx, await pendingProposal(tx, proposalId, allowed, refusal)), {
    isolationLevel: "Serializable",
  });
}

/** Applies a pending proposal: the record changes and the public change log shows it with its reason. */
export function applyReferenceChange(actor: Actor, proposalId: string): Promise<{ proposal: ReferenceChangeView; record: { id: string } }> {
  return decidePending(
    proposalId,
    (row) => canApplyReferenceChange(actor, row),
    forbidden("A reviewer or admin who did not propose this change must apply it.", "apply_needs_other_reviewer"),
    async (tx, proposal) => {
      const entity = proposal.entityType as ReferenceEntity;
      const { id: recordId } = await writeReferenceChange(tx, actor, {
        entity,
        id: proposal.isCreate ? null : proposal.entityId!,
        seenVersion: proposal.seenVersion,
        // Stored after the same parse; parsed again so the row is never trusted as typed.
        data: REFERENCE_SCHEMAS[entity].parse(proposal.data) as ReferenceInput<ReferenceEntity>,
        reason: proposal.reason,
      });
      const applied = await recordDecision(tx, proposal, { status: "applied", entityId: recordId, reviewedById: reviewerOf(actor) });
      return { proposal: applied, record: { id: recordId } };
    },
  );
}

/**
 * Writes a reviewed change to a reference record (an edit when `id` names one, else a new record)
 * and the public change entry with its reason and the before and after. An applied proposal and the
 * dataset upgrade (`actor` null, lib/dataset/upgrade.ts) both write through here.
 */
export async function writeReferenceChange(
  tx: Tx,
  actor: Actor | null,
  change: { entity: ReferenceEntity; id: string | null; seenVersion: number | null; data: ReferenceInput<ReferenceEntity>; reason: string },
): Promise<{ id: string }> {
  const { entity, data } = change;
  const writer = writerOf(entity);
  let before: Record<string, unknown> | null = null;
  let recordId: string;
  if (change.id === null) {
    const taken = await writer.duplicate?.(tx, null, data);
    if (taken) throw duplicateError(taken);
    recordId = (await writer.create!(tx, data)).id;
  } else {
    recordId = change.id;
    const current = await loadReferenceRecord(tx, entity, recordId);
    if (!current) throw notFound(`This ${entity}`, "record_not_found");
    const changedSince = () =>
      conflict(
        "This record changed after the proposal was written. Reject it, or ask the proposer to propose it again.",
        { current: current.values },
        "changed_since_proposal",
      );
    if (current.version !== change.seenVersion) throw changedSince();
    const taken = await writer.duplicate?.(tx, recordId, data);
    if (taken) throw duplicateError(taken);
    before = current.values;
    await writer.update(tx, { id: recordId, version: current.version }, data, changedSince);
  }
  const after = (await loadReferenceRecord(tx, entity, recordId))!.values;
  await appendChange(tx, {
    action: `${entity}.${change.id === null ? "created" : "updated"}` as ChangeAction,
    entityType: entity,
    entityId: recordId,
    actor,
    reason: change.reason,
    before,
    after,
    isPublic: true,
  });
  return { id: recordId };
}

/** A reviewer turns a proposal down with a note for its author; nothing public changes. */
export function rejectReferenceChange(actor: Actor, proposalId: string, note: string): Promise<ReferenceChangeView> {
  return decidePending(
    proposalId,
    (row) => canRejectReferenceChange(actor, row),
    forbidden(
      "A reviewer or admin who did not propose this change may reject it; its author can withdraw it.",
      "reject_needs_other_reviewer",
    ),
    async (tx, proposal) => {
      const rejected = await recordDecision(tx, proposal, { status: "rejected", reviewNote: note, reviewedById: reviewerOf(actor) });
      await appendChange(tx, { action: "reference.rejected", entityType: "reference_change", entityId: proposal.id, actor, reason: note });
      return rejected;
    },
  );
}

/** The author takes a pending proposal back (to fix it, they propose again). */
export function withdrawReferenceChange(actor: Actor, proposalId: string): Promise<ReferenceChangeView> {
  return decidePending(
    proposalId,
    (row) => canWithdrawReferenceChange(actor, row),
    forbidden("Only the person who proposed this change can withdraw it.", "proposer_only"),
    async (tx, proposal) => {
      const withdrawn = await recordDecision(tx, proposal, { status: "withdrawn" });
      await appendChange(tx, { action: "reference.withdrawn", entityType: "reference_change", entityId: proposal.id, actor });
      return withdrawn;
    },
  );
}
