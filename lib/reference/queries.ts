import "server-only";
import { getDb } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import { loadEvent } from "../events/queries";
import { loadFraming } from "../indicators/framings";
import { loadIndicator } from "../indicators/queries";
import type { ReferenceChangeStatus } from "../schemas/enums";
import type { ReferenceEntity } from "../schemas/reference";
import { isStorableText } from "../schemas/storable-text";
import { loadProducer } from "../sources/producers";
import { loadSource } from "../sources/queries";
import { listPage, PAGE_SIZE, type ListPage, type ListQuery } from "./list-page";
import type { EditableRecord, RecordLoader, Tx } from "./record";

// Reads of proposed reference changes (lib/reference/mutations.ts writes them), and of any reference
// record in its edit form's shape. Each kind of record is read by its own module (lib/sources,
// lib/indicators, lib/events); this one only dispatches to them.

const LOADERS: { [Entity in ReferenceEntity]: RecordLoader<unknown> } = {
  source: loadSource,
  producer: loadProducer,
  framing: loadFraming,
  event: loadEvent,
  indicator: loadIndicator,
};

/**
 * A record in its edit form's shape, read inside the caller's transaction when one is given: what a
 * proposal was written against, and the before and after of the public change log.
 */
export function loadReferenceRecord(
  client: Tx,
  entity: ReferenceEntity,
  id: string,
): Promise<EditableRecord<Record<string, unknown>> | null> {
  return LOADERS[entity](client, id) as Promise<EditableRecord<Record<string, unknown>> | null>;
}

// Proposed changes

export const proposalSelect = {
  id: true,
  entityType: true,
  entityId: true,
  isCreate: true,
  data: true,
  seenVersion: true,
  reason: true,
  status: true,
  reviewNote: true,
  decidedAt: true,
  createdAt: true,
  proposedById: true,
  proposedBy: { select: { displayName: true } },
  reviewedBy: { select: { displayName: true } },
} satisfies Prisma.ReferenceChangeSelect;

export type ProposalRow = Prisma.ReferenceChangeGetPayload<{ select: typeof proposalSelect }>;

export type ReferenceChangeView = {
  id: string;
  entityType: ReferenceEntity;
  entityId: string | null;
  isCreate: boolean;
  status: ReferenceChangeStatus;
  reason: string;
  reviewNote: string | null;
  data: Record<string, unknown>;
  /** The record's version the proposal was written against (null for a new record). */
  seenVersion: number | null;
  proposedById: string;
  proposedBy: string;
  reviewedBy: string | null;
  createdAt: string;
  decidedAt: string | null;
};

export const toProposalView = (row: ProposalRow): ReferenceChangeView => ({
  id: row.id,
  entityType: row.entityType as ReferenceEntity,
  entityId: row.entityId,
  isCreate: row.isCreate,
  status: row.status,
  reason: row.reason,
  reviewNote: row.reviewNote,
  data: row.data as Record<string, unknown>,
  seenVersion: row.seenVersion,
  proposedById: row.proposedById,
  proposedBy: row.proposedBy.displayName,
  reviewedBy: row.reviewedBy?.displayName ?? null,
  createdAt: row.createdAt.toISOString(),
  decidedAt: row.decidedAt?.toISOString() ?? null,
});

/** A pending proposal beside the record as it stands now (null for a new record, or one since removed). */
export type PendingReferenceChange = ReferenceChangeView & { current: Record<string, unknown> | null };

async function withCurrent(rows: ProposalRow[]): Promise<PendingReferenceChange[]> {
  return Promise.all(
    rows.map(async (row) => {
      const view = toProposalView(row);
      const current = view.entityId ? await loadReferenceRecord(getDb(), view.entityType, view.entityId) : null;
      return { ...view, current: current?.values ?? null };
    }),
  );
}

const pending = { status: "pending" } satisfies Prisma.ReferenceChangeWhereInput;
/** Oldest first: the review queue's order. */
const queueOrder: Prisma.ReferenceChangeOrderByWithRelationInput[] = [{ createdAt: "asc" }, { id: "asc" }];

/** Pending proposals, oldest first (the review queue), a page at a time. */
export function listPendingReferenceChanges(query: Pick<ListQuery, "page">): Promise<ListPage<PendingReferenceChange>> {
  return listPage(
    { ...query, q: "" },
    {
      count: countPendingReferenceChanges,
      rows: async (window) =>
        withCurrent(await getDb().referenceChange.findMany({ where: pending, select: proposalSelect, orderBy: queueOrder, ...window })),
    },
  );
}

/** How many reference changes wait for a reviewer (the review queue points to them). */
export function countPendingReferenceChanges(): Promise<number> {
  return getDb().referenceChange.count({ where: pending });
}

/** Pending proposals for one record, shown on its edit page. */
export async function listPendingReferenceChangesFor(entity: ReferenceEntity, id: string): Promise<PendingReferenceChange[]> {
  if (!isStorableText(id)) return [];
  return withCurrent(
    await getDb().referenceChange.findMany({
      where: { ...pending, entityType: entity, entityId: id },
      select: proposalSelect,
      orderBy: queueOrder,
      take: PAGE_SIZE,
    }),
  );
}
