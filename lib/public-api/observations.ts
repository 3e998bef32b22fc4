import { getDb } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import type { ProducerType } from "../observation-types";
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
  /** Every matching figure in one answer (the page's downloads), read in pages of PAGE_LIMIT. */
  all?: boolean;
};

const PAGE_LIMIT = 1000;


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

/** Published (and, when asked, retracted) figures of one indicator; null when the indicator is unknown. */
export async function listApiObservations(query: ObservationQuery) {
  const indicator = await getDb().indicator.findUnique({ where: { slug: query.slug }, select: { id: true, nameEn: true, nameEs: true } });
  if (!indicator) return null;
  const pageAfter = async (after: { asOf: Date; id: string } | null, limit: number) => {
    const where: Prisma.ObservationWhereInput = {
      indicatorId: indicator.id,
      status: { in: query.includeRetracted ? ["published", "retracted"] : ["published"] },
      asOf: { gte: query.from ? fromIsoDay(query.from) : undefined, lte: query.to ? fromIsoDay(query.to) : undefined },
      ...(query.producerTypes ? { producer: { type: { in: query.producerTypes } } } : {}),
      // The redundant asOf bound lets the (indicatorId, asOf, id) index start at the cursor instead of the first figure.
      ...(after ? { AND: [{ asOf: { gte: after.asOf } }], OR: [{ asOf: { gt: after.asOf } }, { asOf: after.asOf, id: { gt: after.id } }] } : {}),
    };
    const rows = await getDb().observation.findMany({ where, select, orderBy: [{ asOf: "asc" }, { id: "asc" }], take: limit + 1 });
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return { page, next: rows.length > limit && last ? { asOf: last.asOf, id: last.id } : null };
  };
  let { page, next } = await pageAfter(query.cursor ? decodeCursor(query.cursor) : null, query.all ? PAGE_LIMIT : query.limit);
  const rows = [...page];
  while (query.all && next) {
    ({ page, next } = await pageAfter(next, PAGE_LIMIT));
    rows.push(...page);
  }
  return {
    indicator,
    observations: rows.map((row) => toApiObservation(query.slug, row)),
    nextCursor: next ? encodeCursor(next) : null,
  };
}
