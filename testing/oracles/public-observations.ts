import { getDb } from "../../lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { PublicObservation } from "../../lib/observations/types";
import { isoDay } from "../../lib/dates";

// The reference the bounded read paths (table pages, chart, overview) are checked against: every
// published and retracted figure, read and mapped here on its own, without lib/observations/shapes.ts,
// so a mistake in the shared mapper shows up as a difference instead of on both sides.
const publicObservationSelect = {
  id: true,
  value: true,
  valueMax: true,
  qualifier: true,
  asOf: true,
  datePrecision: true,
  attribution: true,
  noteEn: true,
  noteEs: true,
  indicator: { select: { slug: true } },
  status: true,
  retractedAt: true,
  retractionReason: true,
  producer: { select: { id: true, name: true, type: true } },
  source: {
    select: {
      url: true,
      publisher: true,
      publishedAt: true,
      retrievedAt: true,
      sourceClass: true,
      archivedUrl: true,
      linkState: true,
      linkBrokenSince: true,
    },
  },
} satisfies Prisma.ObservationSelect;

type ObservationRow = Prisma.ObservationGetPayload<{ select: typeof publicObservationSelect }>;

function toPublicObservation(row: ObservationRow): PublicObservation {
  return {
    id: row.id,
    indicatorSlug: row.indicator.slug,
    value: row.value.toString(),
    valueMax: row.valueMax?.toString() ?? null,
    qualifier: row.qualifier,
    asOf: isoDay(row.asOf),
    datePrecision: row.datePrecision,
    producer: row.producer,
    source: {
      url: row.source.url,
      publisher: row.source.publisher,
      publishedAt: row.source.publishedAt ? isoDay(row.source.publishedAt) : null,
      retrievedAt: row.source.retrievedAt ? isoDay(row.source.retrievedAt) : null,
      class: row.source.sourceClass,
      archivedUrl: row.source.archivedUrl,
      brokenSince: row.source.linkState === "broken" && row.source.linkBrokenSince ? isoDay(row.source.linkBrokenSince) : null,
    },
    attribution: row.attribution,
    noteEn: row.noteEn,
    noteEs: row.noteEs,
    status: row.status === "retracted" ? "retracted" : "published",
    retraction: row.status === "retracted" ? { reason: row.retractionReason, at: row.retractedAt?.toISOString() ?? null } : null,
  };
}

/** Published and retracted figures of one indicator, oldest first (retracted ones are shown marked, never drawn). */
export async function listPublicObservations(indicatorId: string): Promise<PublicObservation[]> {
  const rows = await getDb().observation.findMany({
    where: { indicatorId, status: { in: ["published", "retracted"] } },
    select: publicObservationSelect,
    orderBy: [{ asOf: "asc" }, { createdAt: "asc" }],
  });
  return rows.map(toPublicObservation);
}
