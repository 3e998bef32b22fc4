import "server-only";
import { accountableUserId, type Actor } from "../auth/actor";
import { runTransaction } from "../db/transaction";
import { appendChange, type ChangeAction } from "../changes/history";
import { getDb } from "../db/client";
import { updateAtVersion } from "../db/optimistic-lock";
import { AppError, conflict, forbidden, notFound } from "../errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import {
  canCreateObservation,
  canEditObservation,
  canPublishObservation,
  canRetractObservation,
  canReview,
  hasChangedDraft,
  type DraftWriters,
} from "../auth/permissions";
import type { TObservationInput } from "../schemas/observation";
import { fromIsoDay } from "../dates";
import { SNAPSHOT_INCLUDE, toObservationSnapshot, type SnapshotRow } from "./shapes";
import { suggestAttribution } from "./attribution";
import { classColumns, proposeClassFor } from "../sources/source-class";

type Tx = Prisma.TransactionClient;

export async function loadForUpdate(tx: Tx, id: string): Promise<SnapshotRow> {
  const row = await tx.observation.findUnique({ where: { id }, include: SNAPSHOT_INCLUDE });
  if (!row) throw notFound("This figure", "figure_not_found");
  return row;
}

export const staleVersion = (current: SnapshotRow) =>
  conflict(
    "Someone changed this figure since you opened it. Review the current version and apply your change again.",
    { current: toObservationSnapshot(current) },
    "stale_version",
  );

/** The 409 for a figure whose version moved on: it carries the figure as it stands now. */
export const staleAt = (tx: Tx, id: string) => async () => staleVersion(await loadForUpdate(tx, id));

/** Indicator, producer and source rows for an input; producers and sources are found or created. */
async function resolveLinks(tx: Tx, input: TObservationInput) {
  const indicator = await tx.indicator.findUnique({ where: { slug: input.indicatorSlug }, select: { id: true } });
  if (!indicator)
    throw new AppError(400, "unknown_indicator", `Unknown indicator "${input.indicatorSlug}".`, {
      field: "indicatorSlug",
      params: { slug: input.indicatorSlug },
    });
  const producer = await tx.producer.upsert({
    where: { name_type: { name: input.producer.name, type: input.producer.type } },
    create: { name: input.producer.name, type: input.producer.type },
    update: {},
    select: { id: true },
  });
  const source = await tx.source.upsert({
    where: { url: input.source.url },
    create: {
      url: input.source.url,
      ...classColumns(await proposeClassFor(tx, input.source.url)),
      publisher: input.source.publisher,
      publishedAt: input.source.publishedAt ? fromIsoDay(input.source.publishedAt) : null,
      retrievedAt: new Date(new Date().toISOString().slice(0, 10)),
    },
    update: {},
    select: { id: true },
  });
  return { indicatorId: indicator.id, producerId: producer.id, sourceId: source.id };
}

/** The columns a person writes into a figure; a published correction copies them from its draft. */
export const WRITTEN_COLUMNS = [
  "indicatorId",
  "producerId",
  "sourceId",
  "value",
  "valueMax",
  "qualifier",
  "asOf",
  "datePrecision",
  "attribution",
  "noteEn",
  "noteEs",
] as const satisfies readonly (keyof SnapshotRow)[];
type WrittenColumn = (typeof WRITTEN_COLUMNS)[number];

// Typed by WRITTEN_COLUMNS, so a column written here and missing there does not compile.
function figureFields(
  input: TObservationInput,
): Pick<Prisma.ObservationUncheckedCreateInput, Exclude<WrittenColumn, "indicatorId" | "producerId" | "sourceId">> {
  return {
    value: input.value,
    valueMax: input.valueMax ?? null,
    qualifier: input.qualifier,
    asOf: fromIsoDay(input.asOf),
    datePrecision: input.datePrecision,
    attribution: input.attribution || suggestAttribution(input.producer.name, input.source.publisher),
    noteEn: input.noteEn || null,
    noteEs: input.noteEs || null,
  };
}

const writtenColumnsOf = (row: SnapshotRow) =>
  Object.fromEntries(WRITTEN_COLUMNS.map((column) => [column, row[column]])) as Pick<SnapshotRow, WrittenColumn>;

/** Records a change of a figure with its snapshots, and answers the figure as it now is. */
export async function recordFigureChange(
  tx: Tx,
  actor: Actor | null,
  action: ChangeAction,
  entityId: string,
  after: SnapshotRow,
  { before, reason }: { before?: SnapshotRow; reason?: string | null } = {},
) {
  const snapshot = toObservationSnapshot(after);
  await appendChange(tx, {
    action,
    entityType: "observation",
    entityId,
    actor,
    reason,
    before: before && toObservationSnapshot(before),
    after: snapshot,
  });
  return snapshot;
}

/** A new draft's author, who is also its first writer: a token's drafts are its creator's. */
const authorship = (actor: Actor) => ({ authorId: accountableUserId(actor), contributorIds: [accountableUserId(actor)] });

/** Adds the actor to a draft's writers (kept in first-write order, each once). */
const withWriter = (draft: DraftWriters, actor: Actor) => [...new Set([...draft.contributorIds, accountableUserId(actor)])];

function publishRefusal(actor: Actor, draft: DraftWriters) {
  if (!canReview(actor)) return forbidden("Only a reviewer can publish.", "reviewer_only");
  if (hasChangedDraft(actor, draft))
    return forbidden(
      "You changed this draft, so a second person must publish it: a reviewer who has not changed it.",
      "own_draft_cannot_publish",
    );
  return forbidden("No one is recorded as its author, so no one can publish this draft: submit it again.", "authorless_draft");
}

export const transaction = <T>(work: (tx: Tx) => Promise<T>) =>
  runTransaction(getDb(), work, { isolationLevel: "Serializable", timeout: 20_000 });

export function createObservationDraft(actor: Actor, input: TObservationInput) {
  if (!canCreateObservation(actor)) throw forbidden();
  return transaction(async (tx) => {
    const created = await tx.observation.create({
      data: { ...(await resolveLinks(tx, input)), ...figureFields(input), status: "draft", ...authorship(actor) },
      include: SNAPSHOT_INCLUDE,
    });
    return recordFigureChange(tx, actor, "observation.created", created.id, created);
  });
}

/**
 * A draft is edited in place. A published figure is never overwritten here: the change becomes a
 * draft that proposes a correction (with its reason) for a second person to publish.
 */
export function updateObservation(actor: Actor, id: string, version: number, input: TObservationInput, reason: string | null | undefined) {
  if (!canEditObservation(actor)) throw forbidden();
  return transaction(async (tx) => {
    const current = await loadForUpdate(tx, id);
    if (current.version !== version) throw staleVersion(current);
    const links = await resolveLinks(tx, input);

    if (current.status === "draft") {
      await updateAtVersion(
        tx.observation,
        { id, version },
        // An edit answers a send-back: the draft returns to the queue.
        {
          ...links,
          ...figureFields(input),
          contributorIds: withWriter(current, actor),
          sentBackAt: null,
          sentBackNote: null,
          sentBackById: null,
        },
        staleAt(tx, id),
      );
      const updated = await loadForUpdate(tx, id);
      return recordFigureChange(tx, actor, "observation.updated", id, updated, { before: current, reason });
    }

    if (current.status !== "published")
      throw conflict(`A ${current.status} figure cannot be edited.`, { params: { status: current.status } }, "not_editable");
    if (!reason) throw new AppError(400, "reason_required", "Say why this published figure needs correcting.", { field: "reason" });
    return (await proposeCorrection(tx, actor, current, { ...links, ...figureFields(input) }, reason)).snapshot;
  });
}

/** The columns of a figure as a correction proposes them: its links by id and what a person writes. */
export type CorrectedColumns = Pick<Prisma.ObservationUncheckedCreateInput, WrittenColumn>;

/**
 * Proposes a correction to a published figure: a draft that revises it, recorded with its reason;
 * nothing readers see changes yet. `actor` null is the dataset itself (lib/dataset/upgrade.ts), whose
 * draft has no author.
 */
export async function proposeCorrection(tx: Tx, actor: Actor | null, current: SnapshotRow, columns: CorrectedColumns, reason: string) {
  const pending = await tx.observation.findFirst({ where: { revisionOfId: current.id, status: "draft" }, select: { id: true } });
  if (pending)
    throw conflict("A correction to this figure is already waiting for review.", { pendingDraftId: pending.id }, "correction_pending");
  const proposal = await tx.observation.create({
    data: { ...columns, status: "draft", revisionOfId: current.id, ...(actor ? authorship(actor) : {}) },
    include: SNAPSHOT_INCLUDE,
  });
  const snapshot = await recordFigureChange(tx, actor, "observation.correction_proposed", proposal.id, proposal, {
    before: current,
    reason,
  });
  return { proposal, snapshot };
}

export function publishObservation(actor: Actor, id: string, version: number) {
  return transaction(async (tx) => {
    // Read, checked and written in one serializable transaction: an edit that commits after this read
    // changes the row this transaction then writes, so PostgreSQL aborts it and the retry re-reads
    // the writers (and the publish names a version, which an edit also changes).
    const draft = await loadForUpdate(tx, id);
    if (!canPublishObservation(actor, draft)) throw publishRefusal(actor, draft);
    if (draft.version !== version) throw staleVersion(draft);
    if (draft.status !== "draft")
      throw conflict(`This figure is ${draft.status}, not a draft.`, { params: { status: draft.status } }, "not_a_draft");
    // Sent back to its writers: it waits for them to change it, as the queue and batch publishing treat it.
    if (draft.sentBackAt)
      throw conflict(
        "This draft was sent back to its writers; it can be published once they have changed it.",
        undefined,
        "sent_back_draft",
      );
    const reviewerId = actor.kind === "user" ? actor.user.id : null;
    const now = new Date();

    if (!draft.revisionOfId) {
      await updateAtVersion(
        tx.observation,
        { id, version },
        { status: "published" as const, reviewerId, publishedAt: now },
        staleAt(tx, id),
      );
      const published = await loadForUpdate(tx, id);
      return recordFigureChange(tx, actor, "observation.published", id, published, { before: draft });
    }

    return applyCorrection(tx, actor, draft);
  });
}

/**
 * Writes a correction draft into the published figure it revises, with the reason it was proposed
 * with, and retires the draft: the figure keeps its id, its history shows the before and after. The
 * reviewer's publish and the dataset upgrade (`actor` null) both write a correction through here.
 */
export async function applyCorrection(tx: Tx, actor: Actor | null, draft: SnapshotRow) {
  if (!draft.revisionOfId) throw new Error("applyCorrection needs a draft that revises a published figure.");
  const reviewerId = actor?.kind === "user" ? actor.user.id : null;
  const original = await loadForUpdate(tx, draft.revisionOfId);
  if (original.status !== "published")
    throw conflict(`The figure this corrects is ${original.status}.`, { params: { status: original.status } }, "original_not_published");
  const proposal = await tx.changeEntry.findFirst({
    where: { entityId: draft.id, action: "observation.correction_proposed" },
    select: { reason: true },
  });
  await updateAtVersion(tx.observation, original, { ...writtenColumnsOf(draft), reviewerId }, staleAt(tx, original.id));
  await updateAtVersion(tx.observation, draft, { status: "superseded" as const, reviewerId }, staleAt(tx, draft.id));
  const corrected = await loadForUpdate(tx, original.id);
  return recordFigureChange(tx, actor, "observation.corrected", original.id, corrected, {
    before: original,
    reason: proposal?.reason ?? null,
  });
}

/** Takes a published figure off the charts, with a reason; it stays in the table, the API and the history. */
export function retractObservation(actor: Actor, id: string, version: number, reason: string) {
  if (!canRetractObservation(actor)) throw forbidden("Only a reviewer can retract a figure.", "reviewer_only");
  return transaction(async (tx) => {
    const current = await loadForUpdate(tx, id);
    if (current.version !== version) throw staleVersion(current);
    return retractPublished(tx, actor, current, reason);
  });
}

/** Retracts a published figure as loaded: the reviewer's retraction and the dataset upgrade (`actor` null) both go through here. */
export async function retractPublished(tx: Tx, actor: Actor | null, current: SnapshotRow, reason: string) {
  if (current.status !== "published")
    throw conflict(
      `Only a published figure can be retracted; this one is ${current.status}.`,
      { params: { status: current.status } },
      "not_published",
    );
  await updateAtVersion(
    tx.observation,
    current,
    { status: "retracted" as const, retractedAt: new Date(), retractionReason: reason },
    staleAt(tx, current.id),
  );
  const retracted = await loadForUpdate(tx, current.id);
  return recordFigureChange(tx, actor, "observation.retracted", current.id, retracted, { before: current, reason });
}
