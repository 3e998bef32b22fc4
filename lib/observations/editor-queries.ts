import { getDb } from "../db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DatePrecision, ProducerType, Qualifier } from "./types";
import { isoDay } from "../dates";
import { isStorableText } from "../schemas/storable-text";
import { readPage, REVIEW_PAGE_SIZE, type Paged } from "../paging";

export { EDITOR_COUNT_CAP, EDITOR_PAGE_SIZE, REVIEW_PAGE_SIZE } from "../paging";

// Reads for the editor workspace. Everything leaves here as plain, serialisable data.

export type FigureStatus = "draft" | "published" | "retracted" | "superseded";

/** A figure as the editor pages show it: what was said, by whom, from where, in which state. */
export type EditorFigure = {
  id: string;
  version: number;
  status: FigureStatus;
  indicator: { slug: string; nameEn: string; nameEs: string };
  value: string;
  valueMax: string | null;
  qualifier: Qualifier;
  asOf: string;
  datePrecision: DatePrecision;
  producer: { name: string; type: ProducerType };
  source: { url: string; publisher: string | null; publishedAt: string | null };
  attribution: string;
  noteEn: string | null;
  noteEs: string | null;
};

const figureSelect = {
  id: true,
  version: true,
  status: true,
  indicator: { select: { slug: true, nameEn: true, nameEs: true } },
  value: true,
  valueMax: true,
  qualifier: true,
  asOf: true,
  datePrecision: true,
  producer: { select: { name: true, type: true } },
  source: { select: { url: true, publisher: true, publishedAt: true } },
  attribution: true,
  noteEn: true,
  noteEs: true,
} satisfies Prisma.ObservationSelect;

type FigureRow = Prisma.ObservationGetPayload<{ select: typeof figureSelect }>;

function toFigure(row: FigureRow): EditorFigure {
  return {
    id: row.id,
    version: row.version,
    status: row.status,
    indicator: row.indicator,
    value: row.value.toString(),
    valueMax: row.valueMax?.toString() ?? null,
    qualifier: row.qualifier,
    asOf: isoDay(row.asOf),
    datePrecision: row.datePrecision,
    producer: row.producer,
    source: { ...row.source, publishedAt: row.source.publishedAt ? isoDay(row.source.publishedAt) : null },
    attribution: row.attribution,
    noteEn: row.noteEn,
    noteEs: row.noteEs,
  };
}

const summarySelect = {
  id: true,
  indicator: { select: { slug: true, nameEn: true, nameEs: true } },
  value: true,
  valueMax: true,
  qualifier: true,
  asOf: true,
  datePrecision: true,
  producer: { select: { name: true } },
  updatedAt: true,
} satisfies Prisma.ObservationSelect;

type SummaryRow = Prisma.ObservationGetPayload<{ select: typeof summarySelect }>;

export type FigureSummary = Pick<EditorFigure, "id" | "indicator" | "value" | "valueMax" | "qualifier" | "asOf" | "datePrecision"> & {
  producerName: string;
  updatedAt: string;
};

function toSummary(row: SummaryRow): FigureSummary {
  return {
    id: row.id,
    indicator: row.indicator,
    value: row.value.toString(),
    valueMax: row.valueMax?.toString() ?? null,
    qualifier: row.qualifier,
    asOf: isoDay(row.asOf),
    datePrecision: row.datePrecision,
    producerName: row.producer.name,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export type DraftSummary = FigureSummary & { authorName: string | null; isCorrection: boolean };

const draftsWhere = { status: "draft" } satisfies Prisma.ObservationWhereInput;

/** One page of drafts, newest change first, with who wrote each. */
export function listDrafts(page: number): Promise<Paged<DraftSummary>> {
  return readPage(
    page,
    (limit) => getDb().observation.count({ where: draftsWhere, take: limit }),
    async (skip, take) => {
      const rows = await getDb().observation.findMany({
        where: draftsWhere,
        select: { ...summarySelect, revisionOfId: true, author: { select: { displayName: true } } },
        // An import writes thousands of drafts in the same instant: the id keeps the pages apart.
        orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
        skip,
        take,
      });
      return rows.map((row) => ({
        ...toSummary(row),
        authorName: row.author?.displayName ?? null,
        isCorrection: row.revisionOfId !== null,
      }));
    },
  );
}

/** Figures a reviewer published or corrected through the editor, latest first (seeded figures have no reviewer). */
export async function listRecentlyPublished(take = 10): Promise<FigureSummary[]> {
  const rows = await getDb().observation.findMany({
    where: { status: "published", reviewerId: { not: null } },
    select: summarySelect,
    orderBy: { updatedAt: "desc" },
    take,
  });
  return rows.map(toSummary);
}

export type FigureForEditing = EditorFigure & {
  authorId: string | null;
  /** Everyone who wrote into this draft: none of them may publish it. */
  contributorIds: string[];
  authorName: string | null;
  /** The published figure this draft would replace, for a proposed correction. */
  revisionOf: EditorFigure | null;
  /** A correction of this published figure already waiting for review. */
  pendingCorrectionId: string | null;
};

export async function getObservationForEditing(id: string): Promise<FigureForEditing | null> {
  if (!isStorableText(id)) return null;
  const row = await getDb().observation.findUnique({
    where: { id },
    select: {
      ...figureSelect,
      authorId: true,
      contributorIds: true,
      author: { select: { displayName: true } },
      revisionOf: { select: figureSelect },
      revisions: { where: { status: "draft" }, select: { id: true }, take: 1 },
    },
  });
  if (!row) return null;
  return {
    ...toFigure(row),
    authorId: row.authorId,
    contributorIds: row.contributorIds,
    authorName: row.author?.displayName ?? null,
    revisionOf: row.revisionOf ? toFigure(row.revisionOf) : null,
    pendingCorrectionId: row.revisions[0]?.id ?? null,
  };
}

export type ReviewItem = EditorFigure & {
  authorId: string | null;
  /** Everyone who wrote into this draft: none of them may publish it. */
  contributorIds: string[];
  authorName: string | null;
  revisionOf: EditorFigure | null;
  /** Why the correction was proposed (null for a new figure). */
  reason: string | null;
};

/** One page of the drafts waiting for a second person, oldest first, each beside the published figure it would replace. */
export function listReviewQueue(page: number): Promise<Paged<ReviewItem>> {
  return readPage(
    page,
    (limit) => getDb().observation.count({ where: draftsWhere, take: limit }),
    async (skip, take) => {
      const rows = await getDb().observation.findMany({
        where: draftsWhere,
        select: {
          ...figureSelect,
          authorId: true,
          contributorIds: true,
          author: { select: { displayName: true } },
          revisionOf: { select: figureSelect },
        },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        skip,
        take,
      });
      const proposals = await getDb().changeEntry.findMany({
        where: { action: "observation.correction_proposed", entityType: "observation", entityId: { in: rows.map((row) => row.id) } },
        select: { entityId: true, reason: true },
      });
      const reasons = new Map(proposals.map((entry) => [entry.entityId, entry.reason]));
      return rows.map((row) => ({
        ...toFigure(row),
        authorId: row.authorId,
        contributorIds: row.contributorIds,
        authorName: row.author?.displayName ?? null,
        revisionOf: row.revisionOf ? toFigure(row.revisionOf) : null,
        reason: reasons.get(row.id) ?? null,
      }));
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
