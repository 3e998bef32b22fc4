import { isoDay } from "../dates";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DatePrecision, ProducerType, PublicObservation, Qualifier } from "./types";

// Queries that pick figures in SQL (overview, chart, table pages) read them with these columns and
// joins, so every figure reaches the page with the same provenance as listPublicObservations gives.
// `o` is the Observation row.

export const PUBLIC_OBSERVATION_COLUMNS = `o.id, i.slug AS "indicatorSlug", o.value, o."valueMax", o.qualifier::text AS qualifier,
  o."asOf", o."datePrecision"::text AS "datePrecision", o.attribution, o."noteEn", o."noteEs", o.status::text AS status,
  o."retractedAt", o."retractionReason", p.id AS "producerId", p.name AS "producerName", p.type::text AS "producerType",
  s.url AS "sourceUrl", s.publisher AS "sourcePublisher", s."publishedAt" AS "sourcePublishedAt"`;

export const PUBLIC_OBSERVATION_JOINS = `JOIN "Indicator" i ON i.id = o."indicatorId"
  JOIN "Producer" p ON p.id = o."producerId"
  JOIN "Source" s ON s.id = o."sourceId"`;

export type PublicObservationRow = {
  id: string;
  indicatorSlug: string;
  value: Prisma.Decimal;
  valueMax: Prisma.Decimal | null;
  qualifier: Qualifier;
  asOf: Date;
  datePrecision: DatePrecision;
  attribution: string;
  noteEn: string | null;
  noteEs: string | null;
  status: string;
  retractedAt: Date | null;
  retractionReason: string | null;
  producerId: string;
  producerName: string;
  producerType: ProducerType;
  sourceUrl: string;
  sourcePublisher: string | null;
  sourcePublishedAt: Date | null;
};

/** The same figure listPublicObservations would give for this row (published or retracted). */
export function fromPublicObservationRow(row: PublicObservationRow): PublicObservation {
  const retracted = row.status === "retracted";
  return {
    id: row.id,
    indicatorSlug: row.indicatorSlug,
    value: row.value.toString(),
    valueMax: row.valueMax?.toString() ?? null,
    qualifier: row.qualifier,
    asOf: isoDay(row.asOf),
    datePrecision: row.datePrecision,
    producer: { id: row.producerId, name: row.producerName, type: row.producerType },
    source: {
      url: row.sourceUrl,
      publisher: row.sourcePublisher,
      publishedAt: row.sourcePublishedAt ? isoDay(row.sourcePublishedAt) : null,
    },
    attribution: row.attribution,
    noteEn: row.noteEn,
    noteEs: row.noteEs,
    status: retracted ? "retracted" : "published",
    retraction: retracted ? { reason: row.retractionReason, at: row.retractedAt?.toISOString() ?? null } : null,
  };
}
