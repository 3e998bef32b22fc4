import { getDb } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import type { ProducerType } from "../observations/types";
import { exactNumber } from "./json";
import { isoDayOrNull, isRealIsoDay, fromIsoDay } from "../dates";

export type ObservationQuery = {
  slug: string;
  from?: string;
  to?: string;
  producerTypes?: ProducerType[];
  includeRetracted: boolean;
  cursor?: string;
  limit: number;
};

export type ObservationFilter = Omit<ObservationQuery, "cursor" | "limit">;

/** Rows per database read of a whole-series download (all=true). */
export const STREAM_PAGE_ROWS = 1000;

const select = {
  id: true,
  value: true,
  valueMax: true,
  qualifier: true,
  asOf: true,
  datePrecision: true,
  attribution: true,
  noteEn: true,
  noteEs: true,
  status: true,
  version: true,
  updatedAt: true,
  retractionReason: true,
  producer: { select: { name: true, type: true } },
  source: { select: { url: true, publisher: true, publishedAt: true } },
} satisfies Prisma.ObservationSelect;

type Row = Prisma.ObservationGetPayload<{ select: typeof select }>;

export function toApiObservation(slug: string, row: Row) {
  return {
    id: row.id,
    indicator: slug,
    value: exactNumber(row.value.toString()),
    valueMax: row.valueMax ? exactNumber(row.valueMax.toString()) : null,
    qualifier: row.qualifier,
    asOf: isoDayOrNull(row.asOf)!,
    datePrecision: row.datePrecision,
    producer: { name: row.producer.name, type: row.producer.type },
    source: { url: row.source.url, publisher: row.source.publisher, publishedAt: isoDayOrNull(row.source.publishedAt) },
    attribution: row.attribution,
    note: { en: row.noteEn, es: row.noteEs },
    status: row.status,
    retractionReason: row.status === "retracted" ? row.retractionReason : null,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}
export type ApiObservation = ReturnType<typeof toApiObservation>;

// Cursor = the last row's (asOf, id), so pages stay stable while figures are added.
export const encodeCursor = (row: { asOf: Date; id: string }) => Buffer.from(`${isoDayOrNull(row.asOf)}|${row.id}`).toString("base64url");
// A cursor is read back from the query string, so it is checked like input: a real day and an id's characters.
export function decodeCursor(cursor: string): { asOf: Date; id: string } | null {
  const [asOf, id, ...rest] = Buffer.from(cursor, "base64url").toString().split("|");
  if (!asOf || !id || rest.length || !isRealIsoDay(asOf) || !/^[A-Za-z0-9_-]{1,64}$/.test(id)) return null;
  return { asOf: fromIsoDay(asOf), id };
}

type Indicator = { id: string; nameEn: string; nameEs: string };
type After = { asOf: Date; id: string };

const findIndicator = (slug: string): Promise<Indicator | null> =>
  getDb().indicator.findUnique({ where: { slug }, select: { id: true, nameEn: true, nameEs: true } });

function whereOf(indicator: Indicator, filter: ObservationFilter): Prisma.ObservationWhereInput {
  return {
    indicatorId: indicator.id,
    status: { in: filter.includeRetracted ? ["published", "retracted"] : ["published"] },
    asOf: { gte: filter.from ? fromIsoDay(filter.from) : undefined, lte: filter.to ? fromIsoDay(filter.to) : undefined },
    ...(filter.producerTypes ? { producer: { type: { in: filter.producerTypes } } } : {}),
  };
}

/** The figures after `after` in (asOf, id) order, at most `limit`, and where the next page starts. */
async function pageAfter(indicator: Indicator, filter: ObservationFilter, after: After | null, limit: number) {
  const where: Prisma.ObservationWhereInput = {
    ...whereOf(indicator, filter),
    // The redundant asOf bound lets the (indicatorId, asOf, id) index start at the cursor instead of the first figure.
    ...(after
      ? { AND: [{ asOf: { gte: after.asOf } }], OR: [{ asOf: { gt: after.asOf } }, { asOf: after.asOf, id: { gt: after.id } }] }
      : {}),
  };
  const rows = await getDb().observation.findMany({ where, select, orderBy: [{ asOf: "asc" }, { id: "asc" }], take: limit + 1 });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { page, next: rows.length > limit && last ? { asOf: last.asOf, id: last.id } : null };
}

/** One page of the published (and, when asked, retracted) figures of one indicator; null when the indicator is unknown. */
export async function listApiObservations(query: ObservationQuery) {
  const indicator = await findIndicator(query.slug);
  if (!indicator) return null;
  const { page, next } = await pageAfter(indicator, query, query.cursor ? decodeCursor(query.cursor) : null, query.limit);
  return {
    indicator,
    observations: page.map((row) => toApiObservation(query.slug, row)),
    nextCursor: next ? encodeCursor(next) : null,
  };
}

export type ObservationStream = {
  indicator: Indicator;
  /** Every matching figure, read from the database a page at a time as the reader asks for more. */
  pages(): AsyncGenerator<ApiObservation[]>;
};

/**
 * A whole series for a download (all=true), without holding it in memory: the answer is written
 * page by page as the client reads it. The pages are separate reads, not one transaction, so a slow
 * download never holds the database (the embedded one runs one transaction at a time); a figure
 * published meanwhile may or may not be in it, and none is given twice, as when a client follows cursors.
 */
export async function streamApiObservations(filter: ObservationFilter): Promise<ObservationStream | null> {
  const indicator = await findIndicator(filter.slug);
  if (!indicator) return null;
  return {
    indicator,
    async *pages() {
      let after: After | null = null;
      do {
        const { page, next } = await pageAfter(indicator, filter, after, STREAM_PAGE_ROWS);
        if (page.length) yield page.map((row) => toApiObservation(filter.slug, row));
        after = next;
      } while (after);
    },
  };
}
