import { getDb } from "./db/client";
import type { Prisma } from "./generated/prisma/client";
import { periodEnd } from "./observation-period";
import { isOfficial, type PublicObservation } from "./observation-types";

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
  producer: { select: { name: true, type: true } },
  source: { select: { url: true, publisher: true, publishedAt: true } },
} satisfies Prisma.ObservationSelect;

type ObservationRow = Prisma.ObservationGetPayload<{ select: typeof publicObservationSelect }>;

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

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
    source: { ...row.source, publishedAt: row.source.publishedAt ? isoDay(row.source.publishedAt) : null },
    attribution: row.attribution,
    noteEn: row.noteEn,
    noteEs: row.noteEs,
  };
}

/** Published figures of one indicator, oldest first. */
export async function listPublishedObservations(indicatorId: string): Promise<PublicObservation[]> {
  const rows = await getDb().observation.findMany({
    where: { indicatorId, status: "published" },
    select: publicObservationSelect,
    orderBy: [{ asOf: "asc" }, { createdAt: "asc" }],
  });
  return rows.map(toPublicObservation);
}

export type LatestFigures = { official: PublicObservation | null; independent: PublicObservation | null };

function latest(observations: PublicObservation[]): PublicObservation | null {
  return observations.reduce<PublicObservation | null>(
    (best, candidate) => (!best || periodEnd(candidate) >= periodEnd(best) ? candidate : best),
    null,
  );
}

/** The latest official and latest independent published figure of every indicator, in one query. */
export async function getLatestFiguresByIndicator(): Promise<Map<string, LatestFigures>> {
  const rows = await getDb().observation.findMany({
    where: { status: "published" },
    select: publicObservationSelect,
    orderBy: [{ asOf: "asc" }, { createdAt: "asc" }],
  });
  const byIndicator = new Map<string, PublicObservation[]>();
  for (const observation of rows.map(toPublicObservation)) {
    const list = byIndicator.get(observation.indicatorSlug) ?? [];
    list.push(observation);
    byIndicator.set(observation.indicatorSlug, list);
  }
  return new Map(
    [...byIndicator].map(([slug, observations]) => [
      slug,
      {
        official: latest(observations.filter((o) => isOfficial(o.producer.type))),
        independent: latest(observations.filter((o) => !isOfficial(o.producer.type))),
      },
    ]),
  );
}
