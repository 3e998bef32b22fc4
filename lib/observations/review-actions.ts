import "server-only";
import type { Actor } from "../auth/actor";
import { canDiscardObservation, canPublishObservation, canReview, canSendBackObservation, hasChangedDraft } from "../auth/permissions";
import { PUBLIC_ACTIONS, type ChangeAction } from "../changes/history";
import { newIds } from "../csv-import/insert-drafts";
import { recordChange } from "../db/transaction";
import { updateAtVersion } from "../db/optimistic-lock";
import { AppError, notFound, type ErrorParams } from "../errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { BATCH_MAX_DRAFTS, type TPublishDrafts } from "../schemas/review";
import { loadForUpdate, recordFigureChange, staleAt, staleVersion, transaction, WRITTEN_COLUMNS } from "./mutations";
import { PUBLIC_OBSERVATION_JOINS, SNAPSHOT_COLUMNS, snapshotFromColumns, type SnapshotColumnsRow } from "./shapes";
import type { ObservationSnapshot } from "./snapshot";
import { batchStamp } from "./review-stamp";

// The review queue's decisions: publish many drafts at once, send one back with a comment, discard one.

type Tx = Prisma.TransactionClient;

// Timestamps are stored as UTC wall time, as Prisma writes them.
const NOW = `(now() AT TIME ZONE 'UTC')`;

type QueuedDraft = {
  id: string;
  status: string;
  version: number;
  authorId: string | null;
  contributorIds: string[];
  revisionOfId: string | null;
  sentBackAt: Date | null;
  updatedAt: Date;
};

const DRAFT_COLUMNS = `id, status::text AS status, version, "authorId", "contributorIds", "revisionOfId", "sentBackAt", "updatedAt"`;

export type PublishDraftsResult = { published: number; corrected: number };

/** A refusal with its own code; the numbers its translated sentence names go in details.params. */
const refused = (status: number, code: string, message: string, params: ErrorParams = {}) =>
  new AppError(status, code, message, { params });

async function selectedDrafts(tx: Tx, wanted: { id: string; version: number }[]): Promise<QueuedDraft[]> {
  const versions = new Map(wanted.map((draft) => [draft.id, draft.version]));
  const rows = await tx.$queryRawUnsafe<QueuedDraft[]>(
    `SELECT ${DRAFT_COLUMNS} FROM "Observation" WHERE id = ANY($1::text[]) ORDER BY "createdAt", id`,
    [...versions.keys()],
  );
  // A draft gone, edited, sent back, published or discarded since the reviewer saw it refuses all.
  const changed =
    versions.size - rows.filter((row) => row.status === "draft" && !row.sentBackAt && row.version === versions.get(row.id)).length;
  if (changed > 0)
    throw refused(
      409,
      "drafts_changed_since_opened",
      `${changed} of the ${versions.size} selected drafts changed since you opened the queue; nothing was published. Reload and review them again.`,
      { count: changed, total: versions.size },
    );
  return rows;
}

async function batchDrafts(tx: Tx, importBatchId: string, stamp: string): Promise<QueuedDraft[]> {
  const batch = await tx.importBatch.findUnique({ where: { id: importBatchId }, select: { id: true } });
  if (!batch) throw notFound("This import batch", "import_batch_not_found");
  const rows = await tx.$queryRawUnsafe<QueuedDraft[]>(
    `SELECT ${DRAFT_COLUMNS} FROM "Observation" WHERE "importBatchId" = $1 AND status = 'draft' AND "sentBackAt" IS NULL
     ORDER BY "createdAt", id LIMIT ${BATCH_MAX_DRAFTS + 1}`,
    importBatchId,
  );
  if (rows.length === 0) throw refused(409, "batch_has_no_waiting_drafts", "No draft of this import batch is waiting for review.");
  if (rows.length > BATCH_MAX_DRAFTS)
    throw refused(400, "batch_too_large", `An import batch publishes at most ${BATCH_MAX_DRAFTS} drafts at once; select fewer.`, {
      max: BATCH_MAX_DRAFTS,
    });
  const latest = rows.reduce<Date | null>((max, row) => (!max || row.updatedAt > max ? row.updatedAt : max), null);
  if (batchStamp(rows.length, latest) !== stamp)
    throw refused(
      409,
      "batch_changed_since_opened",
      `This import batch changed since you opened the queue (${rows.length} drafts wait now); nothing was published. Reload and review it again.`,
      { count: rows.length },
    );
  return rows;
}

/** The two-person rule, for every draft of the set; any draft refused refuses the whole set. */
function assertPublishable(actor: Actor, drafts: QueuedDraft[]) {
  const refusedDrafts = drafts.filter((draft) => !canPublishObservation(actor, draft));
  if (refusedDrafts.length === 0) return;
  const own = refusedDrafts.filter((draft) => hasChangedDraft(actor, draft)).length;
  if (own > 0)
    throw refused(
      403,
      "batch_includes_own_drafts",
      `You wrote into ${own} of these ${drafts.length} drafts, so a second person must publish them; nothing was published.`,
      { count: own, total: drafts.length },
    );
  throw refused(
    403,
    "batch_includes_drafts_without_writer",
    `${refusedDrafts.length} of these ${drafts.length} drafts record no writer, so no one can publish them; nothing was published.`,
    { count: refusedDrafts.length, total: drafts.length },
  );
}

async function snapshotsOf(tx: Tx, ids: string[]): Promise<Map<string, ObservationSnapshot>> {
  const rows = await tx.$queryRawUnsafe<SnapshotColumnsRow[]>(
    `SELECT ${SNAPSHOT_COLUMNS} FROM "Observation" o ${PUBLIC_OBSERVATION_JOINS} WHERE o.id = ANY($1::text[])`,
    ids,
  );
  return new Map(rows.map((row) => [row.id, snapshotFromColumns(row)]));
}

/** The correction targets must all be published figures, each corrected once. */
async function assertCorrectable(tx: Tx, corrections: QueuedDraft[]) {
  const originalIds = corrections.map((draft) => draft.revisionOfId!);
  const distinct = new Set(originalIds);
  if (distinct.size !== originalIds.length)
    throw refused(
      409,
      "batch_corrects_a_figure_twice",
      `${originalIds.length - distinct.size} published figures have two corrections in this set; publish one of each at a time.`,
      { count: originalIds.length - distinct.size },
    );
  const rows = await tx.$queryRawUnsafe<{ id: string; status: string }[]>(
    `SELECT id, status::text AS status FROM "Observation" WHERE id = ANY($1::text[])`,
    originalIds,
  );
  const notPublished = originalIds.length - rows.filter((row) => row.status === "published").length;
  if (notPublished > 0)
    throw refused(
      409,
      "batch_corrects_unpublished_figures",
      `${notPublished} corrections in this set are of figures no longer published; nothing was published.`,
      { count: notPublished },
    );
}

/**
 * Publishes a selection of drafts or every draft of an import batch waiting for review, as
 * publishObservation does each one (new figures published, corrections copied onto the figure they
 * correct), in one serializable transaction with one public change entry per figure. Set-based
 * SQL: a batch is thousands of drafts.
 */
export function publishDrafts(actor: Actor, target: TPublishDrafts): Promise<PublishDraftsResult> {
  if (!canReview(actor)) throw refused(403, "review_reviewers_only", "Only a reviewer can publish drafts.");
  const reviewerId = actor.kind === "user" ? actor.user.id : null;
  return transaction(async (tx) => {
    const drafts = "drafts" in target ? await selectedDrafts(tx, target.drafts) : await batchDrafts(tx, target.importBatchId, target.stamp);
    assertPublishable(actor, drafts);
    const fresh = drafts.filter((draft) => !draft.revisionOfId);
    const corrections = drafts.filter((draft) => draft.revisionOfId);
    await assertCorrectable(tx, corrections);

    const freshIds = fresh.map((draft) => draft.id);
    const correctionIds = corrections.map((draft) => draft.id);
    const originalIds = corrections.map((draft) => draft.revisionOfId!);
    const before = await snapshotsOf(tx, [...freshIds, ...originalIds]);

    const publishedCount = await tx.$executeRawUnsafe(
      `UPDATE "Observation" SET status = 'published', "reviewerId" = $2, "publishedAt" = ${NOW}, version = version + 1, "updatedAt" = ${NOW}
       WHERE id = ANY($1::text[]) AND status = 'draft'`,
      freshIds,
      reviewerId,
    );
    const copied = WRITTEN_COLUMNS.map((column) => `"${column}" = d."${column}"`).join(", ");
    const correctedCount = await tx.$executeRawUnsafe(
      `UPDATE "Observation" o SET ${copied}, "reviewerId" = $2, version = o.version + 1, "updatedAt" = ${NOW}
       FROM "Observation" d WHERE d.id = ANY($1::text[]) AND o.id = d."revisionOfId" AND o.status = 'published'`,
      correctionIds,
      reviewerId,
    );
    const supersededCount = await tx.$executeRawUnsafe(
      `UPDATE "Observation" SET status = 'superseded', "reviewerId" = $2, version = version + 1, "updatedAt" = ${NOW}
       WHERE id = ANY($1::text[]) AND status = 'draft'`,
      correctionIds,
      reviewerId,
    );
    // Read and checked above in this transaction; a difference means a concurrent writer, and the
    // serializable transaction should have stopped it: never leave half a batch.
    if (publishedCount !== freshIds.length || correctedCount !== originalIds.length || supersededCount !== correctionIds.length)
      throw refused(409, "drafts_changed_during_publish", "Some drafts changed during the publish; nothing was published. Try again.");

    const after = await snapshotsOf(tx, [...freshIds, ...originalIds]);
    const reasons = await correctionReasons(tx, correctionIds);
    const entries = drafts.map((draft) => {
      const entityId = draft.revisionOfId ?? draft.id;
      const action: ChangeAction = draft.revisionOfId ? "observation.corrected" : "observation.published";
      return {
        action,
        entityId,
        reason: draft.revisionOfId ? (reasons.get(draft.id) ?? null) : null,
        before: before.get(entityId)!,
        after: after.get(entityId)!,
      };
    });
    await appendChanges(tx, actor, entries);
    return { published: freshIds.length, corrected: originalIds.length };
  });
}

/** Why each correction was proposed, as single publish records it on the corrected figure. */
async function correctionReasons(tx: Tx, draftIds: string[]): Promise<Map<string, string | null>> {
  if (draftIds.length === 0) return new Map();
  const rows = await tx.$queryRawUnsafe<{ entityId: string; reason: string | null }[]>(
    `SELECT DISTINCT ON ("entityId") "entityId", reason FROM "ChangeEntry"
     WHERE "entityType" = 'observation' AND action = 'observation.correction_proposed' AND "entityId" = ANY($1::text[])
     ORDER BY "entityId", sequence`,
    draftIds,
  );
  return new Map(rows.map((row) => [row.entityId, row.reason]));
}

type FigureEntry = {
  action: ChangeAction;
  entityId: string;
  reason: string | null;
  before: ObservationSnapshot;
  after: ObservationSnapshot;
};

/** appendChange for many figures in one statement, in the set's order, each heard by the commit listeners. */
async function appendChanges(tx: Tx, actor: Actor, entries: FigureEntry[]) {
  const ids = newIds(entries.length);
  const rows = entries.map((entry, i) => ({ id: ids[i], ...entry, isPublic: PUBLIC_ACTIONS.includes(entry.action) }));
  for (const row of rows) recordChange(tx, { entityType: "observation", isPublic: row.isPublic, before: row.before, after: row.after });
  await tx.$executeRawUnsafe(
    `INSERT INTO "ChangeEntry" (id, action, "entityType", "entityId", "actorUserId", "actorTokenId", reason, before, after, "isPublic", "createdAt")
     SELECT e->>'id', e->>'action', 'observation', e->>'entityId', $2, $3, e->>'reason', e->'before', e->'after', (e->>'isPublic')::boolean, ${NOW}
     FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS t(e, position)
     ORDER BY position`,
    JSON.stringify(rows),
    actor.kind === "user" ? actor.user.id : null,
    actor.kind === "token" ? actor.token.id : null,
  );
}

/** Sends a draft back to its writers with a comment; it leaves the queue until one of them edits it. */
export function sendBackObservation(actor: Actor, id: string, version: number, note: string) {
  return transaction(async (tx) => {
    const draft = await loadForUpdate(tx, id);
    if (draft.status !== "draft")
      throw refused(409, "only_drafts_can_be_sent_back", `Only a draft can be sent back; this figure is ${draft.status}.`, {
        status: draft.status,
      });
    if (!canSendBackObservation(actor, draft))
      throw hasChangedDraft(actor, draft)
        ? refused(403, "own_draft_cannot_be_sent_back", "You wrote into this draft: another reviewer sends it back.")
        : refused(403, "send_back_reviewers_only", "Only a reviewer who did not write this draft can send it back.");
    if (draft.version !== version) throw staleVersion(draft);
    if (draft.sentBackAt) throw refused(409, "already_sent_back", "This draft was already sent back to its writers.");
    await updateAtVersion(
      tx.observation,
      { id, version },
      { sentBackAt: new Date(), sentBackNote: note, sentBackById: actor.kind === "user" ? actor.user.id : null },
      staleAt(tx, id),
    );
    const updated = await loadForUpdate(tx, id);
    return recordFigureChange(tx, actor, "observation.sent_back", id, updated, { before: draft, reason: note });
  });
}

/** Discards a draft: kept with its history for the editors, never shown to readers. */
export function discardObservation(actor: Actor, id: string, version: number, reason: string | null | undefined) {
  return transaction(async (tx) => {
    const draft = await loadForUpdate(tx, id);
    if (draft.status === "published" || draft.status === "retracted")
      throw refused(409, "published_figure_cannot_be_discarded", "A published figure is not discarded: retract it, with a reason.", {
        status: draft.status,
      });
    if (draft.status !== "draft")
      throw refused(409, "only_drafts_can_be_discarded", `Only a draft can be discarded; this figure is ${draft.status}.`, {
        status: draft.status,
      });
    if (!canDiscardObservation(actor, draft))
      throw refused(403, "discard_writers_or_reviewers_only", "Only someone who wrote this draft, or a reviewer, can discard it.");
    if (draft.version !== version) throw staleVersion(draft);
    await updateAtVersion(tx.observation, { id, version }, { status: "discarded" as const, discardedAt: new Date() }, staleAt(tx, id));
    const discarded = await loadForUpdate(tx, id);
    return recordFigureChange(tx, actor, "observation.discarded", id, discarded, { before: draft, reason: reason || null });
  });
}
