import "server-only";
import { getDb } from "../db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ProducerType } from "./types";
import { isStorableText } from "../schemas/storable-text";
import { readPage, REVIEW_PAGE_SIZE, type Paged } from "../paging";
import {
  EDITOR_FIGURE_SELECT,
  FIGURE_SUMMARY_SELECT,
  toEditorFigure,
  toFigureSummary,
  type EditorFigure,
  type FigureSummary,
} from "./shapes";

export { EDITOR_COUNT_CAP, EDITOR_PAGE_SIZE, REVIEW_PAGE_SIZE } from "../paging";
export type { EditorFigure, FigureSummary } from "./shapes";

// Reads for the editor workspace. Everything leaves here as plain, serialisable data, in the shapes
// of ./shapes.ts.

export type DraftSummary = FigureSummary & { authorName: string | null; isCorrection: boolean };

const draftsWhere = { status: "draft" } satisfies Prisma.ObservationWhereInput;
const countDrafts = (limit: number) => getDb().observation.count({ where: draftsWhere, take: limit });

/** One page of drafts, newest change first, with who wrote each. */
export function listDrafts(page: number): Promise<Paged<DraftSummary>> {
  return readPage(page, countDrafts, async (skip, take) => {
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
  });
}

/** Figures a reviewer published or corrected through the editor, latest first (seeded figures have no reviewer). */
export async function listRecentlyPublished(take = 10): Promise<FigureSummary[]> {
  const rows = await getDb().observation.findMany({
    where: { status: "published", reviewerId: { not: null } },
    select: FIGURE_SUMMARY_SELECT,
    orderBy: { updatedAt: "desc" },
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
};

/** One page of the drafts waiting for a second person, oldest first, each beside the published figure it would replace. */
export function listReviewQueue(page: number): Promise<Paged<ReviewItem>> {
  return readPage(
    page,
    countDrafts,
    async (skip, take) => {
      const rows = await getDb().observation.findMany({
        where: draftsWhere,
        select: WITH_WRITERS_SELECT,
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        skip,
        take,
      });
      const proposals = await getDb().changeEntry.findMany({
        where: { action: "observation.correction_proposed", entityType: "observation", entityId: { in: rows.map((row) => row.id) } },
        select: { entityId: true, reason: true },
      });
      const reasons = new Map(proposals.map((entry) => [entry.entityId, entry.reason]));
      return rows.map((row) => ({ ...withWriters(row), reason: reasons.get(row.id) ?? null }));
    },
    REVIEW_PAGE_SIZE,
  );
}

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
