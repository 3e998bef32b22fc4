import "server-only";
import { keptSourceClasses, type ChartState } from "../charts/chart-state";
import { getDb } from "../db/client";
import { periodEndSql } from "./period";
import { fromPublicObservationRow, PUBLIC_OBSERVATION_COLUMNS, PUBLIC_OBSERVATION_JOINS, type PublicObservationRow } from "./shapes";
import { bucketsFor, pointsPerSeries, type ChartData, type FigureGroupSummary } from "./chart-points";
import { isOfficial, OFFICIAL_PRODUCER_TYPES, type ProducerType, type PublicObservation } from "./types";

// What the indicator chart draws, chosen in the database. A producer's series with more figures
// than the chart can show is thinned to real figures only: for each of a fixed number of time
// buckets its lowest, highest (top of a range) and latest figure and its latest hedged one, plus
// its first figure and the one whose period ends last. Buckets divide each series' own time span,
// so a series thins the same way whatever other series are drawn beside it. Nothing is averaged or
// interpolated, every drawn point is a stored figure with its source, and the table and downloads
// keep every figure.
//
// The default view (every producer type, every year, every source class) is what most readers see:
// its points are chosen by the same rule when figures are published, corrected or retracted, and
// stored per series (SeriesSummary, see the migration series_summaries), so reading it costs one
// statement that does not grow with the figures. Any other view thins in the query below.

const NO_GROUP: FigureGroupSummary = { count: 0, first: null, last: null };

// $1 indicator, $2 official producer ids, $3 shown producer ids, $4 first day to read (the range's
// start less the longest period), $5 range start, $6 day after the range, $7 points per series,
// $8 buckets, $9 kept source ids (null: every source). The range keeps a figure whose period overlaps it, as chart-model's overlapsRange does.
// Two passes over the figures in range, both read from the covering index: one groups them into
// (producer, time bucket) cells, the other keeps the figures that are a cell's or a side's extreme.
const PEND = periodEndSql("o");
const IN_RANGE = `o."indicatorId" = $1 AND o.status = 'published' AND o."asOf" >= $4::date AND o."asOf" < $6::date AND ${PEND} >= $5::date
  AND ($9::text[] IS NULL OR o."sourceId" = ANY($9::text[]))`;
const BUCKET = `(CASE WHEN span.hi = span.lo THEN 0 ELSE greatest(0, least($8::int - 1, ((o."asOf" - span.lo) * $8::int) / (span.hi - span.lo))) END)`;
const CHART_SQL = `
WITH span AS MATERIALIZED (
  SELECT shown.producer,
         (SELECT o."asOf" FROM "Observation" o WHERE ${IN_RANGE} AND o."producerId" = shown.producer ORDER BY o."asOf" LIMIT 1) AS lo,
         (SELECT o."asOf" FROM "Observation" o WHERE ${IN_RANGE} AND o."producerId" = shown.producer ORDER BY o."asOf" DESC LIMIT 1) AS hi
  FROM unnest($3::text[]) AS shown(producer)
), cells AS MATERIALIZED (
  SELECT o."producerId" AS producer, ${BUCKET} AS bucket, count(*)::int AS n,
         min(o.value) AS "minValue", max(COALESCE(o."valueMax", o.value)) AS "maxTop", max(o."asOf") AS "lastDay",
         max(o."asOf") FILTER (WHERE o.qualifier <> 'exact') AS "hedgedDay", min(o."asOf") AS "firstDay",
         min(${PEND}) AS "firstEnd", max(${PEND}) AS "lastEnd"
  FROM "Observation" o JOIN span ON span.producer = o."producerId" WHERE ${IN_RANGE} AND o."producerId" = ANY($3::text[])
  GROUP BY 1, 2
), sides AS MATERIALIZED (
  SELECT c.producer = ANY($2::text[]) AS official, sum(c.n)::int AS n, min(c."firstEnd") AS "firstEnd", max(c."lastEnd") AS "lastEnd"
  FROM cells c GROUP BY 1
), series AS MATERIALIZED (
  -- One row per producer, its cells' extremes in arrays indexed by bucket, so the second pass looks
  -- them up instead of joining every figure to its cell.
  SELECT s.*, side.n AS "sideCount", side."firstEnd" AS "sideFirstEnd", side."lastEnd" AS "sideLastEnd", cell.*
  FROM (
    SELECT producer, producer = ANY($2::text[]) AS official, producer = ANY($3::text[]) AS shown, sum(n)::int AS n,
           min("firstDay") AS "firstDay", max("lastEnd") AS "lastEnd"
    FROM cells GROUP BY producer
  ) AS s
  JOIN sides side ON side.official = s.official
  CROSS JOIN LATERAL (
    SELECT array_agg(c."minValue" ORDER BY b) AS "minValues", array_agg(c."maxTop" ORDER BY b) AS "maxTops",
           array_agg(c."lastDay" ORDER BY b) AS "lastDays", array_agg(c."hedgedDay" ORDER BY b) AS "hedgedDays"
    FROM generate_series(0, $8::int - 1) AS b LEFT JOIN cells c ON c.producer = s.producer AND c.bucket = b
  ) AS cell
), candidates AS MATERIALIZED (
  SELECT o.id, o."producerId" COLLATE "C" AS producer, k.bucket, s.official, o."asOf", o."createdAt",
         s.shown AND s.n <= $7::int AS "whole",
         s.shown AND s.n > $7::int AND o.value = s."minValues"[k.bucket + 1] AS "isMin",
         s.shown AND s.n > $7::int AND COALESCE(o."valueMax", o.value) = s."maxTops"[k.bucket + 1] AS "isMax",
         s.shown AND s.n > $7::int AND o."asOf" = s."lastDays"[k.bucket + 1] AS "isLatest",
         s.shown AND s.n > $7::int AND o.qualifier <> 'exact' AND o."asOf" = s."hedgedDays"[k.bucket + 1] AS "isHedged",
         s.shown AND s.n > $7::int AND o."asOf" = s."firstDay" AS "isFirst",
         s.shown AND s.n > $7::int AND k.pend = s."lastEnd" AS "isLast",
         k.pend = s."sideFirstEnd" AS "opensSide", k.pend = s."sideLastEnd" AS "closesSide"
  FROM "Observation" o JOIN span ON span.producer = o."producerId"
  JOIN series s ON s.producer = o."producerId"
  CROSS JOIN LATERAL (SELECT ${BUCKET} AS bucket, ${PEND} AS pend) AS k
  WHERE ${IN_RANGE} AND (
    (s.shown AND (s.n <= $7::int OR o.value = s."minValues"[k.bucket + 1] OR COALESCE(o."valueMax", o.value) = s."maxTops"[k.bucket + 1]
      OR o."asOf" = s."lastDays"[k.bucket + 1] OR (o.qualifier <> 'exact' AND o."asOf" = s."hedgedDays"[k.bucket + 1])
      OR o."asOf" = s."firstDay" OR k.pend = s."lastEnd"))
    OR k.pend = s."sideFirstEnd" OR k.pend = s."sideLastEnd")
), points AS (
  SELECT id FROM candidates WHERE "whole"
  UNION (SELECT DISTINCT ON (producer, bucket) id FROM candidates WHERE "isMin" ORDER BY producer, bucket, "asOf" DESC, "createdAt" DESC, id)
  UNION (SELECT DISTINCT ON (producer, bucket) id FROM candidates WHERE "isMax" ORDER BY producer, bucket, "asOf" DESC, "createdAt" DESC, id)
  UNION (SELECT DISTINCT ON (producer, bucket) id FROM candidates WHERE "isLatest" ORDER BY producer, bucket, "createdAt" DESC, id)
  UNION (SELECT DISTINCT ON (producer, bucket) id FROM candidates WHERE "isHedged" ORDER BY producer, bucket, "createdAt" DESC, id)
  UNION (SELECT DISTINCT ON (producer) id FROM candidates WHERE "isFirst" ORDER BY producer, "createdAt", id)
  UNION (SELECT DISTINCT ON (producer) id FROM candidates WHERE "isLast" ORDER BY producer, "asOf" DESC, "createdAt" DESC, id DESC)
), firsts AS (
  SELECT DISTINCT ON (official) id, official FROM candidates WHERE "opensSide" ORDER BY official, "asOf", "createdAt", id
), lasts AS (
  SELECT DISTINCT ON (official) id, official FROM candidates WHERE "closesSide" ORDER BY official, "asOf" DESC, "createdAt" DESC, id DESC
)
SELECT picked.role, picked.official, side.n AS "groupCount",
       (SELECT COALESCE(sum(n), 0)::int FROM series WHERE shown) AS "visibleCount", (SELECT count(*)::int FROM series) AS "producerCount",
       ${PUBLIC_OBSERVATION_COLUMNS}
FROM (
  SELECT 'point' AS role, NULL::boolean AS official, id FROM points
  UNION ALL SELECT 'first', official, id FROM firsts
  UNION ALL SELECT 'last', official, id FROM lasts
) AS picked
LEFT JOIN sides side ON side.official = picked.official
JOIN "Observation" o ON o.id = picked.id
${PUBLIC_OBSERVATION_JOINS}
ORDER BY o."asOf", o."createdAt", o.id`;

// The figures of the shown producers in range that the source filter left out ($1 indicator, $2 shown
// producer ids, $3 first day to read, $4 range start, $5 day after the range, $6 kept source ids).
const LEFT_OUT_SQL = `SELECT count(*)::int AS n FROM "Observation" o
  WHERE o."indicatorId" = $1 AND o.status = 'published' AND o."producerId" = ANY($2::text[])
    AND o."asOf" >= $3::date AND o."asOf" < $5::date AND ${PEND} >= $4::date AND NOT (o."sourceId" = ANY($6::text[]))`;

type ChartRow = PublicObservationRow & {
  role: "point" | "first" | "last";
  official: boolean | null;
  groupCount: number | null;
  visibleCount: number;
  producerCount: number;
};

// Longer than any period a figure covers (a year, plus the days a month-end date rolls over).
const LONGEST_PERIOD_DAYS = 370;
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

// $1 indicator, $2 official producer types. Every series of the indicator is shown: its stored
// points, and per side the count and the earliest and latest figure among the series' own.
const STORED_CHART_SQL = `
WITH series AS MATERIALIZED (
  SELECT ss.*, p.type::text = ANY($2::text[]) AS official
  FROM "SeriesSummary" ss JOIN "Producer" p ON p.id = ss."producerId"
  WHERE ss."indicatorId" = $1
), sides AS (
  SELECT official, sum(figures)::int AS n FROM series GROUP BY official
), firsts AS (
  SELECT DISTINCT ON (s.official) s.official, o.id FROM series s JOIN "Observation" o ON o.id = s."earliestId"
  ORDER BY s.official, ${PEND}, o."asOf", o."createdAt", o.id
), lasts AS (
  SELECT DISTINCT ON (s.official) s.official, o.id FROM series s JOIN "Observation" o ON o.id = s."latestId"
  ORDER BY s.official, ${PEND} DESC, o."asOf" DESC, o."createdAt" DESC, o.id DESC
)
SELECT picked.role, picked.official, side.n AS "groupCount",
       (SELECT COALESCE(sum(figures), 0)::int FROM series) AS "visibleCount", (SELECT count(*)::int FROM series) AS "producerCount",
       ${PUBLIC_OBSERVATION_COLUMNS}
FROM (
  SELECT 'point' AS role, NULL::boolean AS official, unnest(s."pointIds") AS id FROM series s
  UNION ALL SELECT 'first', official, id FROM firsts
  UNION ALL SELECT 'last', official, id FROM lasts
) AS picked
LEFT JOIN sides side ON side.official = picked.official
JOIN "Observation" o ON o.id = picked.id
${PUBLIC_OBSERVATION_JOINS}
ORDER BY o."asOf", o."createdAt", o.id`;

type ChartView = Pick<ChartState, "hidden" | "from" | "to"> & Partial<Pick<ChartState, "sources">>;

/** Every producer type, every year, every source class: the view whose points are stored. */
export const isDefaultChartView = (state: ChartView) =>
  state.hidden.length === 0 && state.from === null && state.to === null && keptSourceClasses({ sources: state.sources ?? "all" }) === null;

/** The chart's figures for one indicator and view: bounded by the point budget, not by how many figures exist. */
export async function getChartData(indicatorId: string, state: ChartView): Promise<ChartData> {
  if (!isDefaultChartView(state)) return scanChartData(indicatorId, state);
  const rows = await getDb().$queryRawUnsafe<ChartRow[]>(STORED_CHART_SQL, indicatorId, [...OFFICIAL_PRODUCER_TYPES]);
  return chartDataFrom(rows, 0);
}

/** The chart's figures for any view, thinned from the figures themselves (the stored default view is held to this). */
export async function scanChartData(indicatorId: string, state: ChartView): Promise<ChartData> {
  const db = getDb();
  // The producers with published figures here (from the tally, not from the figures).
  const producers = await db.$queryRawUnsafe<{ id: string; type: ProducerType }[]>(
    `SELECT DISTINCT p.id, p.type::text AS type FROM "ObservationTally" t JOIN "Producer" p ON p.id = t."producerId"
     WHERE t."indicatorId" = $1 AND t.published > 0`,
    indicatorId,
  );
  const shown = producers.filter((producer) => !state.hidden.includes(producer.type));
  const keptClasses = keptSourceClasses({ sources: state.sources ?? "all" });
  const keptSources = keptClasses
    ? (
        await db.$queryRawUnsafe<{ id: string }[]>(
          `SELECT DISTINCT s.id FROM "ObservationTally" t JOIN "Source" s ON s.id = t."sourceId"
           WHERE t."indicatorId" = $1 AND t.published > 0 AND s."sourceClass"::text = ANY($2::text[])`,
          indicatorId,
          keptClasses,
        )
      ).map((source) => source.id)
    : null;
  const bound = pointsPerSeries(shown.length);
  const rangeStart = state.from === null ? null : Date.UTC(state.from, 0, 1);
  const firstDay = rangeStart === null ? "-infinity" : isoDate(rangeStart - LONGEST_PERIOD_DAYS * 86_400_000);
  const start = rangeStart === null ? "-infinity" : isoDate(rangeStart);
  const dayAfter = state.to === null ? "infinity" : isoDate(Date.UTC(state.to + 1, 0, 1));
  const shownIds = shown.map((producer) => producer.id);
  const [rows, leftOut] = await Promise.all([
    db.$queryRawUnsafe<ChartRow[]>(
      CHART_SQL,
      indicatorId,
      producers.filter((producer) => isOfficial(producer.type)).map((producer) => producer.id),
      shownIds,
      firstDay,
      start,
      dayAfter,
      bound,
      bucketsFor(bound),
      keptSources,
    ),
    keptSources
      ? db.$queryRawUnsafe<{ n: number }[]>(LEFT_OUT_SQL, indicatorId, shownIds, firstDay, start, dayAfter, keptSources)
      : Promise.resolve([{ n: 0 }]),
  ]);
  return chartDataFrom(rows, leftOut[0]?.n ?? 0);
}

function chartDataFrom(rows: ChartRow[], hiddenSecondary: number): ChartData {
  const observations: PublicObservation[] = [];
  const groups: Record<"official" | "independent", FigureGroupSummary> = { official: { ...NO_GROUP }, independent: { ...NO_GROUP } };
  for (const row of rows) {
    const observation = fromPublicObservationRow(row);
    if (row.role === "point") {
      observations.push(observation);
      continue;
    }
    const group = groups[row.official ? "official" : "independent"];
    group.count = row.groupCount ?? 0;
    group[row.role] = observation;
  }
  const visibleCount = rows[0]?.visibleCount ?? 0;
  return {
    observations,
    visibleCount,
    thinned: observations.length < visibleCount,
    hiddenSecondary,
    summary: {
      count: groups.official.count + groups.independent.count,
      producerCount: rows[0]?.producerCount ?? 0,
      official: groups.official,
      independent: groups.independent,
    },
  };
}
