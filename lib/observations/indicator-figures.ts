import "server-only";
import type { ChartState } from "../charts/chart-state";
import { getDb } from "../db/client";
import { fromPublicObservationRow, PUBLIC_OBSERVATION_COLUMNS, PUBLIC_OBSERVATION_JOINS, type PublicObservationRow } from "./shapes";
import type { ProducerType, PublicObservation } from "./types";
import { isoDay } from "../dates";
import { compareText } from "./compare-text";
import { PRODUCER_TYPE_DISPLAY_ORDER, type SourceClass } from "../schemas/enums";
import { keptSourceClasses } from "../charts/chart-state";
import { selectionDays, selectsEverything, type Selection } from "./selection";

// The indicator page's table and time-range choices, each read with work bounded
// by what the page shows (one page of rows, one probe per year), not by how many figures exist.

// A first page of 20 rows keeps the page light (the chart above draws every figure); the page links reach the rest.
export const TABLE_PAGE_SIZE = 20;

export type ObservationPage = { rows: PublicObservation[]; total: number; page: number; pageCount: number; pageSize: number };

const VISIBLE = `o.status IN ('published', 'retracted')`;

type Tallied = {
  producerId: string;
  producerName: string;
  producerType: ProducerType;
  sourceId: string;
  publisher: string | null;
  publishedAt: Date | null;
  sourceClass: SourceClass;
  figures: number;
};

// Producers and sources with published or retracted figures here: few, whatever the figures' number.
function listTallied(indicatorId: string) {
  return getDb().$queryRawUnsafe<Tallied[]>(
    `SELECT t."producerId", p.name AS "producerName", p.type::text AS "producerType", t."sourceId", s.publisher, s."publishedAt",
            s."sourceClass"::text AS "sourceClass", (t.published + t.retracted)::int AS figures
     FROM "ObservationTally" t JOIN "Producer" p ON p.id = t."producerId" JOIN "Source" s ON s.id = t."sourceId"
     WHERE t."indicatorId" = $1 AND t.published + t.retracted > 0`,
    indicatorId,
  );
}

// Text columns sort as sortObservations does (localeCompare, nulls as ""): the few distinct producers
// or sources are ranked here and the database orders figures by that rank.
const RANKED: Partial<Record<ChartState["sort"], { column: "producerId" | "sourceId"; key: (row: Tallied) => string | null }>> = {
  producer: { column: "producerId", key: (row) => row.producerName },
  type: { column: "producerId", key: (row) => row.producerType },
  publisher: { column: "sourceId", key: (row) => row.publisher },
  publishedAt: { column: "sourceId", key: (row) => (row.publishedAt ? isoDay(row.publishedAt) : null) },
};

function rankBy(tallied: Tallied[], ranked: NonNullable<(typeof RANKED)[ChartState["sort"]]>) {
  const keys = new Map(tallied.map((row) => [row[ranked.column], ranked.key(row)]));
  const ordered = [...keys].sort(([, a], [, b]) => compareText(a, b));
  const ranks: number[] = [];
  ordered.forEach(([, key], index) => ranks.push(index > 0 && compareText(ordered[index - 1]![1], key) === 0 ? ranks[index - 1]! : index));
  return { ids: ordered.map(([id]) => id), ranks };
}

/**
 * One page of every published and retracted figure, in the table's order: the sort key, then date,
 * then id, as sortObservations orders the full list. A page past the end shows the last one.
 */
export async function listObservationPage(
  indicatorId: string,
  { sort, dir, page, ...selection }: Pick<ChartState, "sort" | "dir" | "page"> & Partial<Selection>,
  pageSize = TABLE_PAGE_SIZE,
): Promise<ObservationPage> {
  const tallied = await listTallied(indicatorId);
  const chosen = selectionFilter(tallied, {
    hidden: selection.hidden ?? [],
    from: selection.from ?? null,
    to: selection.to ?? null,
    sources: selection.sources ?? "all",
  });
  const total = chosen ? (await countChosen(indicatorId, chosen)).listed : tallied.reduce((sum, row) => sum + row.figures, 0);
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const current = Math.min(page, pageCount);
  const direction = dir === "asc" ? "ASC" : "DESC";
  const ranked = RANKED[sort];
  const rank = ranked ? rankBy(tallied, ranked) : null;
  const key = rank ? "r.rank" : sort === "value" ? "o.value" : null;
  const order = key ? `${key} ${direction}, o."asOf" ASC, o.id ASC` : `o."asOf" ${direction}, o.id ASC`;
  const rows = await getDb().$queryRawUnsafe<PublicObservationRow[]>(
    `WITH page AS (
       SELECT o.id, o.value, o."asOf", ${rank ? "r.rank" : "0 AS rank"}
       FROM "Observation" o ${rank ? `JOIN unnest($8::text[], $9::int[]) AS r(key, rank) ON r.key = o."${ranked!.column}"` : ""}
       WHERE o."indicatorId" = $1 AND ${VISIBLE} AND ${chosenSql(4)}
       ORDER BY ${order} OFFSET $2 LIMIT $3
     )
     SELECT ${PUBLIC_OBSERVATION_COLUMNS} FROM page r JOIN "Observation" o ON o.id = r.id ${PUBLIC_OBSERVATION_JOINS}
     ORDER BY ${order}`,
    indicatorId,
    (current - 1) * pageSize,
    pageSize,
    ...chosenParameters(chosen),
    ...(rank ? [rank.ids, rank.ranks] : []),
  );
  return { rows: rows.map(fromPublicObservationRow), total, page: current, pageCount, pageSize };
}

// A selection as SQL, its parameters from $n on: the shown producers (null: every one), the first
// and last as-of day (null: unbounded), then the kept sources (null: every one). ./selection.ts says
// why as-of bounds keep what the chart keeps.
const chosenSql = (n: number) =>
  `($${n}::text[] IS NULL OR o."producerId" = ANY($${n}::text[])) AND ($${n + 1}::date IS NULL OR o."asOf" >= $${n + 1}::date) AND ($${n + 2}::date IS NULL OR o."asOf" <= $${n + 2}::date) AND ($${n + 3}::text[] IS NULL OR o."sourceId" = ANY($${n + 3}::text[]))`;
type Chosen = { producers: string[] | null; from: string | null; to: string | null; sources: string[] | null };

/** The ids of the sources here whose class is among `classes` (null: no filter). */
const sourcesOfClass = (tallied: Tallied[], classes: readonly SourceClass[] | null) =>
  classes ? [...new Set(tallied.filter((row) => classes.includes(row.sourceClass)).map((row) => row.sourceId))] : null;

/** The selection's producers, days and sources, or null when it keeps every figure. */
function selectionFilter(tallied: Tallied[], selection: Selection): Chosen | null {
  if (selectsEverything(selection)) return null;
  const days = selectionDays(selection);
  return {
    producers: selection.hidden.length
      ? [...new Set(tallied.filter((row) => !selection.hidden.includes(row.producerType)).map((row) => row.producerId))]
      : null,
    from: days.from ?? null,
    to: days.to ?? null,
    sources: sourcesOfClass(tallied, keptSourceClasses({ sources: selection.sources ?? "all" })),
  };
}

const chosenParameters = (chosen: Chosen | null) => [
  chosen?.producers ?? null,
  chosen?.from ?? null,
  chosen?.to ?? null,
  chosen?.sources ?? null,
];

async function countChosen(indicatorId: string, chosen: Chosen | null) {
  const [row] = await getDb().$queryRawUnsafe<{ published: number; listed: number }[]>(
    `SELECT count(*) FILTER (WHERE o.status = 'published')::int AS published, count(*)::int AS listed
     FROM "Observation" o WHERE o."indicatorId" = $1 AND ${VISIBLE} AND ${chosenSql(2)}`,
    indicatorId,
    ...chosenParameters(chosen),
  );
  return row ?? { published: 0, listed: 0 };
}

/**
 * How many published figures a selection keeps of how many there are, the producer types it shows (in
 * display order), and how many of the figures its producers and years keep were left out because their
 * only source is secondary (0 unless the reader keeps first-hand sources only); anySecondary: whether any
 * figure here has a secondary source (the page offers the filter only then).
 */
export type SelectionCounts = { selected: number; total: number; types: ProducerType[]; hiddenSecondary: number; anySecondary: boolean };

export async function countSelection(indicatorId: string, selection: Selection): Promise<SelectionCounts> {
  const tallied = await listTallied(indicatorId);
  const [published] = await getDb().$queryRawUnsafe<{ total: number }[]>(
    `SELECT COALESCE(sum(t.published), 0)::int AS total FROM "ObservationTally" t WHERE t."indicatorId" = $1`,
    indicatorId,
  );
  const total = published?.total ?? 0;
  const chosen = selectionFilter(tallied, selection);
  const present = new Set(tallied.map((row) => row.producerType));
  const types = PRODUCER_TYPE_DISPLAY_ORDER.filter((type) => present.has(type) && !selection.hidden.includes(type));
  const selected = chosen ? (await countChosen(indicatorId, chosen)).published : total;
  const anySecondary = tallied.some((row) => row.sourceClass === "secondary");
  if (!chosen?.sources) return { selected, total, types, hiddenSecondary: 0, anySecondary };
  const withoutSourceFilter = selectionFilter(tallied, { ...selection, sources: "all" });
  const beforeFilter = withoutSourceFilter ? (await countChosen(indicatorId, withoutSourceFilter)).published : total;
  return { selected, total, types, hiddenSecondary: beforeFilter - selected, anySecondary };
}

/** The years with a published or retracted figure (for the time-range choices): one index probe per year. */
export async function listObservationYears(indicatorId: string): Promise<number[]> {
  const next = (after: string) =>
    `(SELECT extract(year FROM o."asOf")::int FROM "Observation" o WHERE o."indicatorId" = $1 AND ${VISIBLE} ${after} ORDER BY o."asOf" LIMIT 1)`;
  const rows = await getDb().$queryRawUnsafe<{ year: number }[]>(
    `WITH RECURSIVE years(year) AS (
       SELECT ${next("")}
       UNION ALL
       SELECT ${next(`AND o."asOf" >= make_date(years.year + 1, 1, 1)`)} FROM years WHERE years.year IS NOT NULL
     )
     SELECT year FROM years WHERE year IS NOT NULL`,
    indicatorId,
  );
  return rows.map((row) => row.year);
}

/** The producer types with a published or retracted figure here. */
export async function listProducerTypes(indicatorId: string): Promise<ProducerType[]> {
  return [...new Set((await listTallied(indicatorId)).map((row) => row.producerType))];
}
