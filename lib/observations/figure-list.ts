import "server-only";
import type { Actor } from "../auth/actor";
import { canFindFigures } from "../auth/permissions";
import { forbidden } from "../errors";
import { getDb } from "../db/client";
import { EDITOR_COUNT_CAP, EDITOR_PAGE_SIZE, type Paged } from "../paging";
import type { ProducerType } from "../schemas/enums";
import { readBoundedPage } from "./bounded-page";
import { containsPattern, valueSearchText, type FigureFilters } from "./figure-filters";
import { EDITOR_FIGURE_SELECT, toEditorFigure, type EditorFigure } from "./shapes";

// The editor's list of every figure (published, drafts, retracted, discarded), to find one and act on
// it, latest change first. Each filter is a column an index leads with, followed by the list's order
// (indicator, producer, source, import, author, status; without a filter, a partial index of every
// figure but the superseded): the database reads the page in order and stops. The search's every
// branch has an index too (trigrams for the texts and the value, the producer and source indexes for
// names and addresses), so a search that matches nothing reads nothing. The count stops at the cap
// and pages stop there (./bounded-page.ts), so a page costs about the same at 100,000 figures as at 100.

/**
 * The texts the search reads, as one: the same expression as the trigram index of the migration
 * editor_at_scale (keep them in sync). A line feed separates them, and the search words never carry
 * one (./figure-filters.ts), so a match never spans two texts.
 */
const SEARCH_TEXT = `(o.attribution || E'\\n' || coalesce(o."noteEs", '') || E'\\n' || coalesce(o."noteEn", ''))`;
/** The value as written ("10.4", not "10.4000000000"), as the value's trigram index reads it. */
const SEARCH_VALUE = `(trim_scale(o.value)::text)`;

export type FigureListRow = EditorFigure & {
  authorName: string | null;
  importBatch: { id: string; fileName: string } | null;
  /** A draft or superseded row that proposes a change to a published figure. */
  isCorrection: boolean;
  updatedAt: string;
};

/**
 * The producers and sources a filter names by something other than their id (the producer type; the
 * search words in a producer's name, a source's address or publisher), read first: they are few
 * beside the figures, and the figures' query then carries them as values the planner can weigh (an
 * empty list drops its branch, so a search matching nothing reads only the trigram indexes).
 */
type References = { typeProducers: string[] | null; searchProducers: string[]; searchSources: string[] };

async function readReferences(filters: FigureFilters): Promise<References> {
  if (!filters.q && !filters.type) return { typeProducers: null, searchProducers: [], searchSources: [] };
  const [row] = await getDb().$queryRawUnsafe<References[]>(
    `SELECT CASE WHEN $2::text IS NULL THEN NULL ELSE ARRAY(SELECT id FROM "Producer" WHERE type::text = $2) END AS "typeProducers",
            CASE WHEN $1::text IS NULL THEN '{}' ELSE ARRAY(SELECT id FROM "Producer" WHERE name ILIKE $1) END AS "searchProducers",
            CASE WHEN $1::text IS NULL THEN '{}' ELSE ARRAY(SELECT id FROM "Source" WHERE url ILIKE $1 OR publisher ILIKE $1) END AS "searchSources"`,
    filters.q ? containsPattern(filters.q) : null,
    filters.type ?? null,
  );
  return row!;
}

/** The WHERE clause for the filters, with its parameters numbered from $1. */
function whereClause(filters: FigureFilters, references: References) {
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
  if (references.typeProducers) add(`o."producerId" = ANY(${parameter(references.typeProducers)}::text[])`);
  if (filters.from) add(`o."asOf" >= ${parameter(filters.from)}::date`);
  if (filters.to) add(`o."asOf" <= ${parameter(filters.to)}::date`);
  if (filters.q) {
    const number = valueSearchText(filters.q);
    // Each branch reads an index (trigrams for the texts and the value, the producer and source
    // indexes), so the database can combine them (a bitmap OR) rather than test every figure.
    const branches = [
      // Decimal columns print with their scale ("10.4000000000"); trim_scale gives the value as written.
      ...(number === null ? [] : [`${SEARCH_VALUE} ILIKE ${parameter(containsPattern(number))}`]),
      ...(references.searchProducers.length ? [`o."producerId" = ANY(${parameter(references.searchProducers)}::text[])`] : []),
      ...(references.searchSources.length ? [`o."sourceId" = ANY(${parameter(references.searchSources)}::text[])`] : []),
      `${SEARCH_TEXT} ILIKE ${parameter(containsPattern(filters.q))}`,
    ];
    add(`(${branches.join(" OR ")})`);
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
  return readFigures(filters, page);
}

// A search's matches are counted (and paged) to SEARCH_COUNT_CAP: each is tested against the search
// words, and past a thousand matches the search is one to narrow.
export const SEARCH_COUNT_CAP = 1_000;

async function readFigures(filters: FigureFilters, page: number): Promise<Paged<FigureListRow>> {
  const db = getDb();
  const { from, params } = whereClause(filters, await readReferences(filters));
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
  return readBoundedPage(page, count, find, EDITOR_PAGE_SIZE, filters.q ? SEARCH_COUNT_CAP : EDITOR_COUNT_CAP);
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
