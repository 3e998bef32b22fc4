import { getDb } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import type { ProducerType } from "../observation-types";
import { exactNumber } from "./json";
import { isoDayOrNull } from "../dates";

export type ObservationQuery = {
  slug: string;
  from?: string;
  to?: string;
  producerTypes?: ProducerType[];
  includeRetracted: boolean;
  cursor?: string;
  limit: number;
};


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
export function decodeCursor(cursor: string): { asOf: Date; id: string } | null {
  const [asOf, id] = Buffer.from(cursor, "base64url").toString().split("|");
  if (!asOf || !id || !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) return null;
  return { asOf: new Date(`${asOf}T00:00:00Z`), id };
}

/** Published (and, when asked, retracted) figures of one indicator; null when the indicator is unknown. */
export async function listApiObservations(query: ObservationQuery) {
  const indicator = await getDb().indicator.findUnique({ where: { slug: query.slug }, select: { id: true, nameEn: true, nameEs: true } });
  if (!indicator) return null;
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  const where: Prisma.ObservationWhereInput = {
    indicatorId: indicator.id,
    status: { in: query.includeRetracted ? ["published", "retracted"] : ["published"] },
    asOf: { gte: query.from ? new Date(`${query.from}T00:00:00Z`) : undefined, lte: query.to ? new Date(`${query.to}T00:00:00Z`) : undefined },
    ...(query.producerTypes ? { producer: { type: { in: query.producerTypes } } } : {}),
    ...(after ? { OR: [{ asOf: { gt: after.asOf } }, { asOf: after.asOf, id: { gt: after.id } }] } : {}),
  };
  const rows = await getDb().observation.findMany({ where, select, orderBy: [{ asOf: "asc" }, { id: "asc" }], take: query.limit + 1 });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    indicator,
    observations: page.map((row) => toApiObservation(query.slug, row)),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null,
  };
}
