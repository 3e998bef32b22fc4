import "server-only";
import { getDb } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import { fromIsoDay } from "../dates";
import type { ProducerType } from "./types";
import { API_OBSERVATION_SELECT, toApiObservation, type ApiObservation } from "./shapes";

// The public API's reads of one indicator's figures, a page at a time in (asOf, id) order. How a
// page is asked for and continued (cursors, streamed downloads) is lib/public-api's concern.

export type ObservationFilter = {
  slug: string;
  from?: string;
  to?: string;
  producerTypes?: ProducerType[];
  includeRetracted: boolean;
};

export type SeriesIndicator = { id: string; nameEn: string; nameEs: string };

/** Where a page starts: after this figure in (asOf, id) order. */
export type SeriesPosition = { asOf: Date; id: string };

export const findSeriesIndicator = (slug: string): Promise<SeriesIndicator | null> =>
  getDb().indicator.findUnique({ where: { slug }, select: { id: true, nameEn: true, nameEs: true } });

function whereOf(indicator: SeriesIndicator, filter: ObservationFilter): Prisma.ObservationWhereInput {
  return {
    indicatorId: indicator.id,
    status: { in: filter.includeRetracted ? ["published", "retracted"] : ["published"] },
    asOf: { gte: filter.from ? fromIsoDay(filter.from) : undefined, lte: filter.to ? fromIsoDay(filter.to) : undefined },
    ...(filter.producerTypes ? { producer: { type: { in: filter.producerTypes } } } : {}),
  };
}

/** The figures after `after` in (asOf, id) order, at most `limit`, and where the next page starts. */
export async function readApiObservationPage(
  indicator: SeriesIndicator,
  filter: ObservationFilter,
  after: SeriesPosition | null,
  limit: number,
): Promise<{ observations: ApiObservation[]; next: SeriesPosition | null }> {
  const where: Prisma.ObservationWhereInput = {
    ...whereOf(indicator, filter),
    // The redundant asOf bound lets the (indicatorId, asOf, id) index start at the cursor instead of the first figure.
    ...(after
      ? { AND: [{ asOf: { gte: after.asOf } }], OR: [{ asOf: { gt: after.asOf } }, { asOf: after.asOf, id: { gt: after.id } }] }
      : {}),
  };
  const rows = await getDb().observation.findMany({
    where,
    select: API_OBSERVATION_SELECT,
    orderBy: [{ asOf: "asc" }, { id: "asc" }],
    take: limit + 1,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    observations: page.map((row) => toApiObservation(filter.slug, row)),
    next: rows.length > limit && last ? { asOf: last.asOf, id: last.id } : null,
  };
}
