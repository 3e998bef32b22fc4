import "server-only";
import { queryRows } from "../db/sql";
import { fromIsoDay, isoDay } from "../dates";
import { exactNumber } from "../public-api/json";
import type { ObservationStatus, SourceClass } from "../schemas/enums";
import type { DatePrecision, ProducerType, Qualifier } from "./types";
import type { ApiObservation } from "./shapes";

// The public API's reads of one indicator's figures, a page at a time in (asOf, id) order. Each page
// is one SQL statement: the indicator by its slug, the filters, the cursor, the producer and the
// source. How a page is asked for and continued (cursors, streamed downloads) is lib/public-api's concern.

export type ObservationFilter = {
  slug: string;
  from?: string;
  to?: string;
  producerTypes?: ProducerType[];
  /** Only figures whose source is of these classes (the page's sources=firsthand); absent: every class. */
  sourceClasses?: readonly SourceClass[];
  includeRetracted: boolean;
};

export type SeriesIndicator = { id: string; nameEn: string; nameEs: string };

/** Where a page starts: after this figure in (asOf, id) order. */
export type SeriesPosition = { asOf: Date; id: string };

export type ApiObservationPage = { indicator: SeriesIndicator; observations: ApiObservation[]; next: SeriesPosition | null };

// The columns of API_OBSERVATION_SELECT (./shapes.ts), already in the form toApiObservation writes
// them, so a page of rows becomes JSON without a Date or a Decimal per cell (both are costly inside
// Next.js's server, which wraps Date). Days and instants are written by to_char, not by pg's
// process-wide type parsers; a decimal is PostgreSQL's text without the scale's trailing zeros, as
// Decimal.toString gives it. The test beside this module holds the JSON to toApiObservation's, byte for byte.
type PageRow = {
  indicatorId: string;
  indicatorNameEn: string;
  indicatorNameEs: string;
  // Null on the one row that says the indicator exists but no figure matches.
  id: string | null;
  status: ObservationStatus;
  value: string;
  valueMax: string | null;
  qualifier: Qualifier;
  asOf: string;
  datePrecision: DatePrecision;
  attribution: string;
  noteEn: string | null;
  noteEs: string | null;
  retractionReason: string | null;
  version: number;
  updatedAt: string;
  producerName: string;
  producerType: ProducerType;
  sourceUrl: string;
  sourcePublisher: string | null;
  sourcePublishedAt: string | null;
  sourceRetrievedAt: string | null;
  sourceClass: SourceClass;
  sourceArchivedUrl: string | null;
  /** The day the link checker found the page gone, while it stays gone; null otherwise. */
  sourceBrokenSince: string | null;
};

const day = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;
// Timestamps are stored without a zone, meaning UTC, as Prisma writes them: this is Date.toISOString's form.
const instant = (column: string) => `to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

// The figures are picked in a LATERAL subquery so the indicator's row comes back even when no
// figure matches (an empty page), and no row at all when the slug is unknown (a 404).
const pageSql = (conditions: string[], limitParameter: string) => `
  SELECT i.id AS "indicatorId", i."nameEn" AS "indicatorNameEn", i."nameEs" AS "indicatorNameEs",
    f.id, f.status::text AS status, trim_scale(f.value)::text AS value, trim_scale(f."valueMax")::text AS "valueMax",
    f.qualifier::text AS qualifier, ${day(`f."asOf"`)} AS "asOf", f."datePrecision"::text AS "datePrecision", f.attribution,
    f."noteEn", f."noteEs", f."retractionReason", f.version, ${instant(`f."updatedAt"`)} AS "updatedAt",
    f."producerName", f."producerType"::text AS "producerType",
    f."sourceUrl", f."sourcePublisher", ${day(`f."sourcePublishedAt"`)} AS "sourcePublishedAt",
    ${day(`f."sourceRetrievedAt"`)} AS "sourceRetrievedAt", f."sourceClass"::text AS "sourceClass", f."sourceArchivedUrl",
    CASE WHEN f."sourceLinkState" = 'broken' THEN ${day(`f."sourceLinkBrokenSince"`)} END AS "sourceBrokenSince"
  FROM "Indicator" i
  LEFT JOIN LATERAL (
    SELECT o.id, o.status, o.value, o."valueMax", o.qualifier, o."asOf", o."datePrecision", o.attribution, o."noteEn", o."noteEs",
      o."retractionReason", o.version, o."updatedAt", p.name AS "producerName", p.type AS "producerType",
      s.url AS "sourceUrl", s.publisher AS "sourcePublisher", s."publishedAt" AS "sourcePublishedAt",
      s."retrievedAt" AS "sourceRetrievedAt", s."sourceClass", s."archivedUrl" AS "sourceArchivedUrl",
      s."linkState" AS "sourceLinkState", s."linkBrokenSince" AS "sourceLinkBrokenSince"
    FROM "Observation" o
    JOIN "Producer" p ON p.id = o."producerId"
    JOIN "Source" s ON s.id = o."sourceId"
    WHERE o."indicatorId" = i.id AND ${conditions.join(" AND ")}
    ORDER BY o."asOf", o.id
    LIMIT ${limitParameter}
  ) f ON true
  WHERE i.slug = $1
  ORDER BY f."asOf", f.id`;

/** The statement and its parameters for the figures after `after`, at most `limit` (and one more, to know if a page follows). */
function pageQuery(filter: ObservationFilter, after: SeriesPosition | null, limit: number): { text: string; params: unknown[] } {
  const params: unknown[] = [filter.slug];
  const parameter = (value: unknown) => `$${params.push(value)}`;
  // Only the conditions asked for are written, so each request is planned for the index it can use.
  const conditions = [filter.includeRetracted ? `o.status IN ('published', 'retracted')` : `o.status = 'published'`];
  if (filter.from) conditions.push(`o."asOf" >= ${parameter(filter.from)}::date`);
  if (filter.to) conditions.push(`o."asOf" <= ${parameter(filter.to)}::date`);
  if (filter.producerTypes) conditions.push(`p.type = ANY(${parameter(filter.producerTypes)}::"ProducerType"[])`);
  if (filter.sourceClasses) conditions.push(`s."sourceClass" = ANY(${parameter([...filter.sourceClasses])}::"SourceClass"[])`);
  if (after) {
    const asOf = parameter(isoDay(after.asOf));
    // The redundant asOf bound lets the (indicatorId, asOf, id) index start at the cursor instead of the first figure.
    conditions.push(`o."asOf" >= ${asOf}::date`, `(o."asOf", o.id) > (${asOf}::date, ${parameter(after.id)})`);
  }
  const limitParameter = parameter(limit + 1);
  return { text: pageSql(conditions, limitParameter), params };
}

/** A figure as /api/v1 answers it: the same object, key for key, as toApiObservation (./shapes.ts) writes. */
function toApiObservationFromRow(slug: string, row: PageRow & { id: string }): ApiObservation {
  return {
    id: row.id,
    indicator: slug,
    value: exactNumber(row.value),
    valueMax: row.valueMax === null ? null : exactNumber(row.valueMax),
    qualifier: row.qualifier,
    asOf: row.asOf,
    datePrecision: row.datePrecision,
    producer: { name: row.producerName, type: row.producerType },
    source: {
      url: row.sourceUrl,
      publisher: row.sourcePublisher,
      publishedAt: row.sourcePublishedAt,
      retrievedAt: row.sourceRetrievedAt,
      class: row.sourceClass,
      archivedUrl: row.sourceArchivedUrl,
      brokenSince: row.sourceBrokenSince,
    },
    attribution: row.attribution,
    note: { en: row.noteEn, es: row.noteEs },
    status: row.status,
    retractionReason: row.status === "retracted" ? row.retractionReason : null,
    version: row.version,
    updatedAt: row.updatedAt,
  };
}

/**
 * The figures after `after` in (asOf, id) order, at most `limit`, and where the next page starts;
 * null when no indicator has the slug. One statement, one round trip.
 */
export async function readApiObservationPage(
  filter: ObservationFilter,
  after: SeriesPosition | null,
  limit: number,
): Promise<ApiObservationPage | null> {
  const { text, params } = pageQuery(filter, after, limit);
  const rows = await queryRows<PageRow>(text, params);
  const first = rows[0];
  if (!first) return null;
  const indicator = { id: first.indicatorId, nameEn: first.indicatorNameEn, nameEs: first.indicatorNameEs };
  const figures = rows.filter((row): row is PageRow & { id: string } => row.id !== null);
  const page = figures.slice(0, limit);
  const last = page.at(-1);
  return {
    indicator,
    observations: page.map((row) => toApiObservationFromRow(filter.slug, row)),
    next: figures.length > limit && last ? { asOf: fromIsoDay(last.asOf), id: last.id } : null,
  };
}
