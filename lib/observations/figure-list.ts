import "server-only";
import type { Actor } from "../auth/actor";
import { canFindFigures } from "../auth/permissions";
import { forbidden } from "../errors";
import { getDb } from "../db/client";
import { readPage, type Paged } from "../paging";
import type { ProducerType } from "../schemas/enums";
import { containsPattern, valueSearchText, type FigureFilters } from "./figure-filters";
import { EDITOR_FIGURE_SELECT, toEditorFigure, type EditorFigure } from "./shapes";

// The editor's list of every figure (published, drafts, retracted, discarded), to find one and act on
// it. The filters are columns the Observation indexes lead with (indicator, producer, source, import,
// author, status); the search reads the text columns with ILIKE, and the count stops at the cap, so
// a page costs about the same at 100,000 figures as at 100.

export type FigureListRow = EditorFigure & {
  authorName: string | null;
  importBatch: { id: string; fileName: string } | null;
  /** A draft or superseded row that proposes a change to a published figure. */
  isCorrection: boolean;
  updatedAt: string;
};

/** The WHERE clause for the filters, with its parameters numbered from $1. */
function whereClause(filters: FigureFilters) {
  const params: unknown[] = [];
  const parameter = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const conditions: string[] = [];
  const add = (sql: string) => conditions.push(sql);
  // Superseded proposals live on only as history: listed when asked for by status.
  if (filters.status) add(`o.status = ${parameter(filters.status)}::"ObservationStatus"`);
  else add(`o.status <> 'superseded'::"ObservationStatus"`);
  if (filters.indicator) add(`o."indicatorId" = (SELECT id FROM "Indicator" WHERE slug = ${parameter(filters.indicator)})`);
  if (filters.producer) add(`o."producerId" = ${parameter(filters.producer)}`);
  if (filters.source) add(`o."sourceId" = ${parameter(filters.source)}`);
  if (filters.batch) add(`o."importBatchId" = ${parameter(filters.batch)}`);
  if (filters.author) add(`o."authorId" = ${parameter(filters.author)}`);
  // Producers and sources are few beside the figures: they are matched on their own, so the figures
  // are never joined to them to be filtered.
  if (filters.type) add(`o."producerId" IN (SELECT id FROM "Producer" WHERE type = ${parameter(filters.type)}::"ProducerType")`);
  if (filters.from) add(`o."asOf" >= ${parameter(filters.from)}::date`);
  if (filters.to) add(`o."asOf" <= ${parameter(filters.to)}::date`);
  if (filters.q) {
    const pattern = parameter(containsPattern(filters.q));
    const number = valueSearchText(filters.q);
    // Decimal columns print with their scale ("10.4000000000"); trim_scale gives the value as written.
    const value = number === null ? [] : [`trim_scale(o.value)::text ILIKE ${parameter(containsPattern(number))}`];
    const text = [
      `o."producerId" IN (SELECT id FROM "Producer" WHERE name ILIKE ${pattern})`,
      `o."sourceId" IN (SELECT id FROM "Source" WHERE url ILIKE ${pattern} OR publisher ILIKE ${pattern})`,
      `o.attribution ILIKE ${pattern}`,
      `o."noteEs" ILIKE ${pattern}`,
      `o."noteEn" ILIKE ${pattern}`,
    ];
    add(`(${[...value, ...text].join(" OR ")})`);
  }
  return { from: `"Observation" o WHERE ${conditions.join(" AND ")}`, params };
}

const LIST_SELECT = {
  ...EDITOR_FIGURE_SELECT,
  revisionOfId: true,
  updatedAt: true,
  author: { select: { displayName: true } },
  importBatch: { select: { id: true, fileName: true } },
} as const;

/**
 * One page of the figures matching `filters`, latest change first (the id breaks ties: an import
 * writes thousands of figures in the same instant).
 */
export function listFigures(actor: Actor, filters: FigureFilters, page: number): Promise<Paged<FigureListRow>> {
  if (!canFindFigures(actor)) throw forbidden();
  const db = getDb();
  const { from, params } = whereClause(filters);
  const next = `$${params.length + 1}`;
  const count = async (limit: number) => {
    const [row] = await db.$queryRawUnsafe<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM (SELECT 1 FROM ${from} LIMIT ${next}) counted`,
      ...params,
      limit,
    );
    return row?.count ?? 0;
  };
  const find = async (skip: number, take: number) => {
    const ids = await db.$queryRawUnsafe<{ id: string }[]>(
      `SELECT o.id FROM ${from} ORDER BY o."updatedAt" DESC, o.id DESC OFFSET ${next} LIMIT $${params.length + 2}`,
      ...params,
      skip,
      take,
    );
    const rows = await db.observation.findMany({ where: { id: { in: ids.map((row) => row.id) } }, select: LIST_SELECT });
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.flatMap(({ id }) => {
      const row = byId.get(id);
      if (!row) return []; // deleted between the two reads
      return [
        {
          ...toEditorFigure(row),
          authorName: row.author?.displayName ?? null,
          importBatch: row.importBatch,
          isCorrection: row.revisionOfId !== null,
          updatedAt: row.updatedAt.toISOString(),
        },
      ];
    });
  };
  return readPage(page, count, find);
}

// The filter form's choices. Each list is bounded: a record beyond it can still be filtered on
// through its own reference page's link, and is then named on the list page.
const PRODUCER_CHOICES = 500;
const BATCH_CHOICES = 100;
const AUTHOR_CHOICES = 200;

export type FigureFilterChoices = {
  indicators: { slug: string; nameEs: string; nameEn: string }[];
  producers: { id: string; name: string; type: ProducerType }[];
  batches: { id: string; fileName: string; createdAt: string; draftCount: number }[];
  authors: { id: string; displayName: string }[];
  /** The source the list is filtered by, to name it (sources are too many to choose from). */
  source: { id: string; url: string; publisher: string | null } | null;
};

export async function listFigureFilterChoices(actor: Actor, filters: FigureFilters): Promise<FigureFilterChoices> {
  if (!canFindFigures(actor)) throw forbidden();
  const db = getDb();
  const [indicators, producers, batches, authors, source] = await Promise.all([
    db.indicator.findMany({ select: { slug: true, nameEs: true, nameEn: true }, orderBy: [{ sortOrder: "asc" }, { slug: "asc" }] }),
    db.producer.findMany({
      select: { id: true, name: true, type: true },
      orderBy: [{ name: "asc" }, { type: "asc" }, { id: "asc" }],
      take: PRODUCER_CHOICES,
    }),
    db.importBatch.findMany({
      select: { id: true, fileName: true, createdAt: true, draftCount: true },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: BATCH_CHOICES,
    }),
    db.user.findMany({ select: { id: true, displayName: true }, orderBy: [{ displayName: "asc" }, { id: "asc" }], take: AUTHOR_CHOICES }),
    filters.source ? db.source.findUnique({ where: { id: filters.source }, select: { id: true, url: true, publisher: true } }) : null,
  ]);
  // A filter on a record past a bounded list still shows as chosen.
  const missing = async <Row extends { id: string }>(rows: Row[], id: string | undefined, load: (id: string) => Promise<Row | null>) =>
    id && !rows.some((row) => row.id === id) ? [...rows, ...[await load(id)].filter((row): row is Row => row !== null)] : rows;
  return {
    indicators,
    producers: await missing(producers, filters.producer, (id) =>
      db.producer.findUnique({ where: { id }, select: { id: true, name: true, type: true } }),
    ),
    batches: (
      await missing(batches, filters.batch, (id) =>
        db.importBatch.findUnique({ where: { id }, select: { id: true, fileName: true, createdAt: true, draftCount: true } }),
      )
    ).map((batch) => ({ ...batch, createdAt: batch.createdAt.toISOString() })),
    authors: await missing(authors, filters.author, (id) => db.user.findUnique({ where: { id }, select: { id: true, displayName: true } })),
    source,
  };
}
