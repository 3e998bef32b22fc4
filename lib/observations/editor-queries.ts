import "server-only";
import { getDb } from "../db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ProducerType } from "./types";
import { isStorableText } from "../schemas/storable-text";
import { EDITOR_COUNT_CAP, EDITOR_PAGE_SIZE, type Paged } from "../paging";
import { BATCH_MAX_DRAFTS, type ReviewFilters } from "../schemas/review";
import { readBoundedPage } from "./bounded-page";
import { batchStamp } from "./review-stamp";
import {
  EDITOR_FIGURE_SELECT,
  FIGURE_SUMMARY_SELECT,
  toEditorFigure,
  toFigureSummary,
  type EditorFigure,
  type FigureSummary,
} from "./shapes";

export { EDITOR_COUNT_CAP, EDITOR_PAGE_SIZE } from "../paging";
export type { EditorFigure, FigureSummary } from "./shapes";

/** Drafts on a page of the review queue: each is one compact row. */
export const REVIEW_QUEUE_PAGE_SIZE = EDITOR_PAGE_SIZE;

// Reads for the editor workspace. Everything leaves here as plain, serialisable data, in the shapes
// of ./shapes.ts. Each read is served by an index in its order (the migration editor_at_scale names
// them), reads one page, and counts up to a cap: a request costs about the same with 100,000 drafts
// waiting as with 50.

export type DraftSummary = FigureSummary & { authorName: string | null; isCorrection: boolean };

const draftsWhere = { status: "draft" } satisfies Prisma.ObservationWhereInput;
const countDrafts = (limit: number) => getDb().observation.count({ where: draftsWhere, take: limit });

/** One page of drafts, newest change first, with who wrote each. */
export function listDrafts(page: number): Promise<Paged<DraftSummary>> {
  return readBoundedPage(
    page,
    countDrafts,
    async (skip, take) => {
      const rows = await getDb().observation.findMany({
        where: draftsWhere,
        select: { ...FIGURE_SUMMARY_SELECT, revisionOfId: true, author: { select: { displayName: true } } },
        // An import writes thousands of drafts in the same instant: the id keeps the pages apart.
        orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
        skip,
        take,
      });
      return rows.map((row) => ({
        ...toFigureSummary(row),
        authorName: row.author?.displayName ?? null,
        isCorrection: row.revisionOfId !== null,
      }));
    },
    EDITOR_PAGE_SIZE,
  );
}

/** Figures a reviewer published or corrected through the editor, latest first (seeded figures have no reviewer). */
export async function listRecentlyPublished(take = 10): Promise<FigureSummary[]> {
  const rows = await getDb().observation.findMany({
    where: { status: "published", reviewerId: { not: null } },
    select: FIGURE_SUMMARY_SELECT,
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take,
  });
  return rows.map(toFigureSummary);
}

/** A draft (or any figure) with who wrote it and, for a correction, the published figure it would replace. */
export type FigureWithWriters = EditorFigure & {
  authorId: string | null;
  /** Everyone who wrote into this draft: none of them may publish it. */
  contributorIds: string[];
  authorName: string | null;
  /** The published figure this draft would replace, for a proposed correction. */
  revisionOf: EditorFigure | null;
};

const WITH_WRITERS_SELECT = {
  ...EDITOR_FIGURE_SELECT,
  authorId: true,
  contributorIds: true,
  author: { select: { displayName: true } },
  revisionOf: { select: EDITOR_FIGURE_SELECT },
} satisfies Prisma.ObservationSelect;

function withWriters(row: Prisma.ObservationGetPayload<{ select: typeof WITH_WRITERS_SELECT }>): FigureWithWriters {
  return {
    ...toEditorFigure(row),
    authorId: row.authorId,
    contributorIds: row.contributorIds,
    authorName: row.author?.displayName ?? null,
    revisionOf: row.revisionOf ? toEditorFigure(row.revisionOf) : null,
  };
}

export type FigureForEditing = FigureWithWriters & {
  /** A correction of this published figure already waiting for review. */
  pendingCorrectionId: string | null;
};

export async function getObservationForEditing(id: string): Promise<FigureForEditing | null> {
  if (!isStorableText(id)) return null;
  const row = await getDb().observation.findUnique({
    where: { id },
    select: { ...WITH_WRITERS_SELECT, revisions: { where: { status: "draft" }, select: { id: true }, take: 1 } },
  });
  if (!row) return null;
  return { ...withWriters(row), pendingCorrectionId: row.revisions[0]?.id ?? null };
}

export type ReviewItem = FigureWithWriters & {
  /** Why the correction was proposed (null for a new figure). */
  reason: string | null;
  importBatchId: string | null;
};

/** Drafts waiting for a second person: not sent back to their writers (they return when edited). */
const waitingWhere = (filters: ReviewFilters = {}): Prisma.ObservationWhereInput => ({
  status: "draft",
  sentBackAt: null,
  ...(filters.indicator ? { indicator: { slug: filters.indicator } } : {}),
  ...(filters.producer ? { producerId: filters.producer } : {}),
  ...(filters.author ? { authorId: filters.author } : {}),
  ...(filters.batch ? { importBatchId: filters.batch } : {}),
  ...(filters.kind === "new" ? { revisionOfId: null } : filters.kind === "correction" ? { revisionOfId: { not: null } } : {}),
});

/** How many drafts wait for review, counted up to EDITOR_COUNT_CAP (+1 says "more"). */
export const countWaitingDrafts = (limit = EDITOR_COUNT_CAP + 1) => getDb().observation.count({ where: waitingWhere(), take: limit });

/** An import batch as the queue heads its drafts: the file, who imported it, when, and how many of its drafts wait. */
export type QueueBatch = {
  id: string;
  fileName: string;
  importerId: string;
  importerName: string;
  createdAt: string;
  /** Its drafts waiting, up to BATCH_MAX_DRAFTS (waitingIsCapped: more, too many to publish at once). */
  waiting: number;
  waitingIsCapped: boolean;
  /** What publishing the whole batch names, so a change since refuses it (./review-stamp.ts). */
  stamp: string;
};

export type ReviewQueue = Paged<ReviewItem> & { batches: QueueBatch[] };

/**
 * One page (REVIEW_QUEUE_PAGE_SIZE) of the drafts waiting for a second person, oldest first, each
 * beside the published figure it would replace, filtered as the URL says, with the import batches
 * the page shows. An import's drafts share their creation instant, so they stay together in this order.
 */
export async function listReviewQueue(page: number, filters: ReviewFilters = {}): Promise<ReviewQueue> {
  const where = waitingWhere(filters);
  const list = await readBoundedPage(
    page,
    (limit) => getDb().observation.count({ where, take: limit }),
    async (skip, take) => {
      const rows = await getDb().observation.findMany({
        where,
        select: { ...WITH_WRITERS_SELECT, importBatchId: true },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        skip,
        take,
      });
      const corrections = rows.filter((row) => row.revisionOf).map((row) => row.id);
      const proposals = corrections.length
        ? await getDb().changeEntry.findMany({
            where: { action: "observation.correction_proposed", entityType: "observation", entityId: { in: corrections } },
            select: { entityId: true, reason: true },
          })
        : [];
      const reasons = new Map(proposals.map((entry) => [entry.entityId, entry.reason]));
      return rows.map((row) => ({ ...withWriters(row), reason: reasons.get(row.id) ?? null, importBatchId: row.importBatchId }));
    },
    REVIEW_QUEUE_PAGE_SIZE,
  );
  const batchIds = [...new Set(list.rows.map((row) => row.importBatchId).filter((id): id is string => id !== null))];
  return { ...list, batches: await queueBatches(batchIds) };
}

/**
 * The batches' waiting drafts, each counted up to BATCH_MAX_DRAFTS + 1 with their latest change,
 * from the waiting drafts' batch index alone. Publishing a batch reads the same drafts (its first
 * BATCH_MAX_DRAFTS + 1, refusing more), so the stamp agrees with it whenever the batch can be published.
 */
async function queueBatches(ids: string[]): Promise<QueueBatch[]> {
  if (ids.length === 0) return [];
  const [batches, waiting] = await Promise.all([
    getDb().importBatch.findMany({
      where: { id: { in: ids } },
      select: { id: true, fileName: true, createdAt: true, createdById: true, createdBy: { select: { displayName: true } } },
    }),
    getDb().$queryRawUnsafe<{ id: string; waiting: number; latest: Date | null }[]>(
      `SELECT b.id, w.waiting, w.latest FROM unnest($1::text[]) AS b(id)
       CROSS JOIN LATERAL (
         SELECT count(*)::int AS waiting, max(d."updatedAt") AS latest FROM (
           SELECT o."updatedAt" FROM "Observation" o WHERE o."importBatchId" = b.id AND o.status = 'draft' AND o."sentBackAt" IS NULL
           LIMIT $2
         ) d
       ) w`,
      ids,
      BATCH_MAX_DRAFTS + 1,
    ),
  ]);
  const counts = new Map(waiting.map((group) => [group.id, group]));
  return batches.map((batch) => {
    const group = counts.get(batch.id);
    const count = group?.waiting ?? 0;
    return {
      id: batch.id,
      fileName: batch.fileName,
      importerId: batch.createdById,
      importerName: batch.createdBy.displayName,
      createdAt: batch.createdAt.toISOString(),
      waiting: Math.min(count, BATCH_MAX_DRAFTS),
      waitingIsCapped: count > BATCH_MAX_DRAFTS,
      stamp: batchStamp(count, group?.latest ?? null),
    };
  });
}

// Each filter offers only what has drafts waiting, at most this many choices, each with its drafts
// counted up to FILTER_COUNT_CAP (the choice then says "more than").
const FILTER_CHOICES = 200;
export const FILTER_COUNT_CAP = 100;

type Waiting = { waiting: number; waitingIsCapped: boolean };

export type ReviewFilterChoices = {
  producers: ({ id: string; name: string; type: ProducerType } & Waiting)[];
  authors: ({ id: string; name: string } & Waiting)[];
  batches: ({ id: string; fileName: string; createdAt: string } & Waiting)[];
};

const WAITING = `o.status = 'draft' AND o."sentBackAt" IS NULL`;

/**
 * The distinct values of `column` among the drafts waiting, found by walking the waiting drafts'
 * index on that column one value at a time (one index probe per value, however many drafts share
 * it), then joined to `table`, ordered and limited as `order` says, and each counted up to the cap.
 */
function waitingChoices<Row>(column: "producerId" | "authorId" | "importBatchId", table: string, columns: string, order: string) {
  return getDb().$queryRawUnsafe<(Row & { waiting: number })[]>(
    `WITH RECURSIVE present(id) AS (
       (SELECT o."${column}" FROM "Observation" o WHERE ${WAITING} AND o."${column}" IS NOT NULL ORDER BY o."${column}" LIMIT 1)
       UNION ALL
       SELECT (SELECT o."${column}" FROM "Observation" o WHERE ${WAITING} AND o."${column}" > present.id ORDER BY o."${column}" LIMIT 1)
       FROM present WHERE present.id IS NOT NULL
     ),
     chosen AS (SELECT ${columns} FROM present JOIN ${table} t ON t.id = present.id ORDER BY ${order} LIMIT ${FILTER_CHOICES})
     SELECT chosen.*, (SELECT count(*)::int FROM (SELECT 1 FROM "Observation" o WHERE ${WAITING} AND o."${column}" = chosen.id LIMIT ${FILTER_COUNT_CAP + 1}) c) AS waiting
     FROM chosen ORDER BY ${order}`,
  );
}

const capped = <Row extends { waiting: number }>(row: Row): Row & Waiting => ({
  ...row,
  waiting: Math.min(row.waiting, FILTER_COUNT_CAP),
  waitingIsCapped: row.waiting > FILTER_COUNT_CAP,
});

/** The producers, authors and import batches with drafts waiting, for the queue's filters. */
export async function listReviewFilterChoices(): Promise<ReviewFilterChoices> {
  const [producers, authors, batches] = await Promise.all([
    waitingChoices<{ id: string; name: string; type: ProducerType }>(
      "producerId",
      `"Producer"`,
      `t.id, t.name, t.type::text AS type`,
      `name, type, id`,
    ),
    waitingChoices<{ id: string; name: string }>("authorId", `"User"`, `t.id, t."displayName" AS name`, `name, id`),
    waitingChoices<{ id: string; fileName: string; createdAt: Date }>(
      "importBatchId",
      `"ImportBatch"`,
      `t.id, t."fileName", t."createdAt"`,
      `"createdAt" DESC, id DESC`,
    ),
  ]);
  return {
    producers: producers.map(capped),
    authors: authors.map(capped),
    batches: batches.map((row) => capped({ ...row, createdAt: row.createdAt.toISOString() })),
  };
}

/** A draft of mine, on the dashboard, with the comment when a reviewer sent it back. */
export type MyDraft = DraftSummary & { sentBack: { note: string; by: string | null; at: string } | null };

const MY_DRAFT_SELECT = {
  ...FIGURE_SUMMARY_SELECT,
  revisionOfId: true,
  author: { select: { displayName: true } },
  sentBackAt: true,
  sentBackNote: true,
  sentBackBy: { select: { displayName: true } },
} satisfies Prisma.ObservationSelect;

function toMyDraft(row: Prisma.ObservationGetPayload<{ select: typeof MY_DRAFT_SELECT }>): MyDraft {
  return {
    ...toFigureSummary(row),
    authorName: row.author?.displayName ?? null,
    isCorrection: row.revisionOfId !== null,
    sentBack: row.sentBackAt
      ? { note: row.sentBackNote ?? "", by: row.sentBackBy?.displayName ?? null, at: row.sentBackAt.toISOString() }
      : null,
  };
}

/** One page of the drafts this person started, newest first. */
export function listMyDrafts(userId: string, page: number): Promise<Paged<MyDraft>> {
  const where = { status: "draft", authorId: userId } satisfies Prisma.ObservationWhereInput;
  return readBoundedPage(
    page,
    (limit) => getDb().observation.count({ where, take: limit }),
    async (skip, take) =>
      (
        await getDb().observation.findMany({
          where,
          select: MY_DRAFT_SELECT,
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          skip,
          take,
        })
      ).map(toMyDraft),
    EDITOR_PAGE_SIZE,
  );
}

// Sent-back drafts wait for their writers; more than a page of them is a conversation to have.
const SENT_BACK_SHOWN = 50;

/**
 * Drafts a reviewer sent back to this person (they wrote into them), latest first: read through the
 * sent-back drafts' own index, so the drafts waiting for review are never read.
 */
export async function listSentBackTo(userId: string): Promise<MyDraft[]> {
  const rows = await getDb().observation.findMany({
    where: { status: "draft", sentBackAt: { not: null }, OR: [{ authorId: userId }, { contributorIds: { has: userId } }] },
    select: MY_DRAFT_SELECT,
    orderBy: [{ sentBackAt: "desc" }, { id: "desc" }],
    take: SENT_BACK_SHOWN,
  });
  return rows.map(toMyDraft);
}

/** Why a draft left the queue, for its page: the reviewer's comment, or when it was discarded. */
export async function getReviewState(id: string) {
  if (!isStorableText(id)) return null;
  const row = await getDb().observation.findUnique({
    where: { id },
    select: { sentBackAt: true, sentBackNote: true, sentBackBy: { select: { displayName: true } }, discardedAt: true },
  });
  if (!row) return null;
  return {
    sentBack: row.sentBackAt
      ? { note: row.sentBackNote ?? "", by: row.sentBackBy?.displayName ?? null, at: row.sentBackAt.toISOString() }
      : null,
    discardedAt: row.discardedAt?.toISOString() ?? null,
  };
}
export type ReviewState = NonNullable<Awaited<ReturnType<typeof getReviewState>>>;

// Suggestions, not a list to page through: an import naming thousands of producers must not put
// all of them into every figure form.
const PRODUCER_SUGGESTIONS = 500;

/** Known producers, offered as suggestions so one organisation is not entered under two spellings. */
export function listProducerNames(): Promise<{ name: string; type: ProducerType }[]> {
  return getDb().producer.findMany({
    select: { name: true, type: true },
    orderBy: [{ name: "asc" }, { type: "asc" }],
    take: PRODUCER_SUGGESTIONS,
  });
}
