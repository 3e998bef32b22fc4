import type { Actor } from "../auth/actor";
import { runTransaction } from "../db/transaction";
import { appendChange, type ChangeAction } from "../changes/history";
import { fromIsoDay } from "../dates";
import { getDb } from "../db/client";
import { AppError, conflict, forbidden, notFound } from "../errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import {
  canApplyReferenceChange,
  canProposeReferenceChange,
  canRejectReferenceChange,
  canWithdrawReferenceChange,
} from "../auth/permissions";
import { loadReferenceRecord, proposalSelect, toProposalView, type ProposalRow, type ReferenceChangeView } from "./queries";
import { REFERENCE_SCHEMAS, type ReferenceEntity, type ReferenceInput } from "../schemas/reference";
import { isStorableText } from "../schemas/storable-text";

// Reference data readers see changes in two steps, like a figure. An editor proposes (an edit or a
// new record, with a reason): nothing public changes. A reviewer or admin who did not propose it
// applies it in one serializable transaction: the record changes, a public change entry with the
// reason and the before and after is written, and the cached pages that show it are dropped.

type Tx = Prisma.TransactionClient;

const day = (iso: string | null) => (iso ? fromIsoDay(iso) : null);

async function sourceIdFor(tx: Tx, url: string) {
  const source = await tx.source.upsert({ where: { url }, create: { url }, update: {}, select: { id: true } });
  return source.id;
}

async function indicatorIdFor(tx: Tx, slug: string) {
  const indicator = await tx.indicator.findUnique({ where: { slug }, select: { id: true } });
  if (!indicator)
    throw new AppError(400, "invalid_request", `Unknown indicator "${slug}".`, {
      fields: [{ path: "data.indicatorSlug", message: "Unknown indicator." }],
    });
  return indicator.id;
}

const framingData = async (tx: Tx, input: ReferenceInput<"framing">) => ({
  indicatorId: await indicatorIdFor(tx, input.indicatorSlug),
  producerId: (await tx.producer.upsert({ where: { name_type: input.producer }, create: input.producer, update: {}, select: { id: true } }))
    .id,
  sourceId: await sourceIdFor(tx, input.sourceUrl),
  summaryEs: input.summaryEs,
  summaryEn: input.summaryEn,
});

const eventData = async (tx: Tx, input: ReferenceInput<"event">) => ({
  kind: input.kind,
  startsOn: day(input.startsOn)!,
  endsOn: day(input.endsOn),
  datePrecision: input.datePrecision,
  dateNote: input.dateNote,
  titleEs: input.titleEs,
  titleEn: input.titleEn,
  sourceId: await sourceIdFor(tx, input.sourceUrl),
});

type Writer<Entity extends ReferenceEntity> = {
  update: (tx: Tx, id: string, input: ReferenceInput<Entity>) => Promise<{ id: string }>;
  create?: (tx: Tx, input: ReferenceInput<Entity>) => Promise<{ id: string }>;
  /** A value another record already holds, found before anything is stored (a 409 naming the field). */
  duplicate?: (tx: Tx, id: string | null, input: ReferenceInput<Entity>) => Promise<string | null>;
  /** Refuses, when it is proposed, what could never be applied (a framing of an unknown indicator). */
  check?: (tx: Tx, input: ReferenceInput<Entity>) => Promise<void>;
};

// Producers and sources are created only with the figures that first cite them (reviewed as figures).
const WRITERS: { [Entity in ReferenceEntity]: Writer<Entity> } = {
  source: {
    update: (tx, id, input) => tx.source.update({ where: { id }, data: { ...input, publishedAt: day(input.publishedAt) } }),
    duplicate: async (tx, id, input) =>
      (await tx.source.findFirst({ where: { url: input.url, NOT: { id: id ?? "" } }, select: { id: true } })) ? "url" : null,
  },
  producer: {
    update: (tx, id, input) => tx.producer.update({ where: { id }, data: input }),
    duplicate: async (tx, id, input) =>
      (await tx.producer.findFirst({ where: { name: input.name, type: input.type, NOT: { id: id ?? "" } }, select: { id: true } }))
        ? "name"
        : null,
  },
  indicator: {
    update: (tx, id, input) => tx.indicator.update({ where: { id }, data: input }),
    create: (tx, input) => tx.indicator.create({ data: input }),
    duplicate: async (tx, id, input) =>
      (await tx.indicator.findFirst({ where: { slug: input.slug, NOT: { id: id ?? "" } }, select: { id: true } })) ? "slug" : null,
  },
  framing: {
    update: async (tx, id, input) => tx.framing.update({ where: { id }, data: await framingData(tx, input) }),
    create: async (tx, input) => tx.framing.create({ data: await framingData(tx, input) }),
    check: async (tx, input) => void (await indicatorIdFor(tx, input.indicatorSlug)),
  },
  event: {
    update: async (tx, id, input) => tx.event.update({ where: { id }, data: await eventData(tx, input) }),
    create: async (tx, input) => tx.event.create({ data: await eventData(tx, input) }),
  },
};

const writerOf = <Entity extends ReferenceEntity>(entity: Entity) => WRITERS[entity] as unknown as Writer<ReferenceEntity>;

const duplicateError = (field: string) =>
  new AppError(409, "duplicate", "Another record already has this value; change it or edit that record instead.", {
    fields: [{ path: field, message: "Already in use." }],
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
  seenUpdatedAt?: string;
  data: ReferenceInput<Entity>;
  reason: string;
};

/** Records a proposed edit or new record; what readers see stays as it is. */
export async function proposeReferenceChange<Entity extends ReferenceEntity>(
  actor: Actor,
  proposal: Proposal<Entity>,
): Promise<ReferenceChangeView> {
  if (!canProposeReferenceChange(actor) || actor.kind !== "user")
    throw forbidden("Only editors, reviewers and admins can propose changes to reference data.");
  const { entity, id, seenUpdatedAt, data, reason } = proposal;
  const writer = writerOf(entity);
  const isCreate = id === undefined;
  if (isCreate && !writer.create) throw forbidden(`A new ${entity} is added with the figure that cites it.`);
  return runTransaction(
    getDb(),
    async (tx) => {
      if (!isCreate) {
        const current = isStorableText(id!) ? await loadReferenceRecord(tx, entity, id!) : null;
        if (!current) throw notFound(`This ${entity}`);
        if (current.updatedAt !== seenUpdatedAt) {
          throw conflict("Someone changed this since you opened it. Review the current version and propose your change again.", {
            current: current.values,
          });
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
          seenUpdatedAt: seenUpdatedAt ? new Date(seenUpdatedAt) : null,
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

async function pendingProposal(tx: Tx, proposalId: string, allowed: (proposal: ProposalRow) => boolean, refusal: string) {
  const proposal = isStorableText(proposalId)
    ? await tx.referenceChange.findUnique({ where: { id: proposalId }, select: proposalSelect })
    : null;
  if (!proposal) throw notFound("This proposed change");
  if (!allowed(proposal)) throw forbidden(refusal);
  if (proposal.status !== "pending") throw conflict(`This change was already ${proposal.status}.`, { status: proposal.status });
  return proposal;
}

/** Applies a pending proposal: the record changes and the public change log shows it with its reason. */
export function applyReferenceChange(actor: Actor, proposalId: string): Promise<{ proposal: ReferenceChangeView; record: { id: string } }> {
  return runTransaction(
    getDb(),
    async (tx) => {
      const proposal = await pendingProposal(
        tx,
        proposalId,
        (row) => canApplyReferenceChange(actor, row),
        "A reviewer or admin who did not propose this change must apply it.",
      );
      const entity = proposal.entityType as ReferenceEntity;
      const writer = writerOf(entity);
      // Stored after the same parse; parsed again so the row is never trusted as typed.
      const data = REFERENCE_SCHEMAS[entity].parse(proposal.data) as ReferenceInput<ReferenceEntity>;
      let before: Record<string, unknown> | null = null;
      let recordId: string;
      if (proposal.isCreate) {
        const taken = await writer.duplicate?.(tx, null, data);
        if (taken) throw duplicateError(taken);
        recordId = (await writer.create!(tx, data)).id;
      } else {
        recordId = proposal.entityId!;
        const current = await loadReferenceRecord(tx, entity, recordId);
        if (!current) throw notFound(`This ${entity}`);
        if (current.updatedAt !== proposal.seenUpdatedAt?.toISOString()) {
          throw conflict("This record changed after the proposal was written. Reject it, or ask the proposer to propose it again.", {
            current: current.values,
          });
        }
        const taken = await writer.duplicate?.(tx, recordId, data);
        if (taken) throw duplicateError(taken);
        before = current.values;
        await writer.update(tx, recordId, data);
      }
      const after = (await loadReferenceRecord(tx, entity, recordId))!.values;
      await appendChange(tx, {
        action: `${entity}.${proposal.isCreate ? "created" : "updated"}` as ChangeAction,
        entityType: entity,
        entityId: recordId,
        actor,
        reason: proposal.reason,
        before,
        after,
        isPublic: true,
      });
      const applied = await tx.referenceChange.update({
        where: { id: proposal.id },
        data: { status: "applied", entityId: recordId, reviewedById: actor.kind === "user" ? actor.user.id : null, decidedAt: new Date() },
        select: proposalSelect,
      });
      return { proposal: toProposalView(applied), record: { id: recordId } };
    },
    { isolationLevel: "Serializable" },
  );
}

/** A reviewer turns a proposal down with a note for its author; nothing public changes. */
export function rejectReferenceChange(actor: Actor, proposalId: string, note: string): Promise<ReferenceChangeView> {
  return runTransaction(
    getDb(),
    async (tx) => {
      const proposal = await pendingProposal(
        tx,
        proposalId,
        (row) => canRejectReferenceChange(actor, row),
        "A reviewer or admin who did not propose this change may reject it; its author can withdraw it.",
      );
      const rejected = await tx.referenceChange.update({
        where: { id: proposal.id },
        data: { status: "rejected", reviewNote: note, reviewedById: actor.kind === "user" ? actor.user.id : null, decidedAt: new Date() },
        select: proposalSelect,
      });
      await appendChange(tx, { action: "reference.rejected", entityType: "reference_change", entityId: proposal.id, actor, reason: note });
      return toProposalView(rejected);
    },
    { isolationLevel: "Serializable" },
  );
}

/** The author takes a pending proposal back (to fix it, they propose again). */
export function withdrawReferenceChange(actor: Actor, proposalId: string): Promise<ReferenceChangeView> {
  return runTransaction(
    getDb(),
    async (tx) => {
      const proposal = await pendingProposal(
        tx,
        proposalId,
        (row) => canWithdrawReferenceChange(actor, row),
        "Only the person who proposed this change can withdraw it.",
      );
      const withdrawn = await tx.referenceChange.update({
        where: { id: proposal.id },
        data: { status: "withdrawn", decidedAt: new Date() },
        select: proposalSelect,
      });
      await appendChange(tx, { action: "reference.withdrawn", entityType: "reference_change", entityId: proposal.id, actor });
      return toProposalView(withdrawn);
    },
    { isolationLevel: "Serializable" },
  );
}
