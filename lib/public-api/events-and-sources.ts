import { getDb } from "../db/client";
import type { EventKind } from "../events";
import { isoDayOrNull, fromIsoDay } from "../dates";


export async function listApiEvents(filter: { from?: string; to?: string; kinds?: EventKind[] }) {
  const rows = await getDb().event.findMany({
    where: {
      startsOn: { gte: filter.from ? fromIsoDay(filter.from) : undefined, lte: filter.to ? fromIsoDay(filter.to) : undefined },
      ...(filter.kinds ? { kind: { in: filter.kinds } } : {}),
    },
    select: { id: true, kind: true, startsOn: true, endsOn: true, datePrecision: true, dateNote: true, titleEs: true, titleEn: true, source: { select: { url: true, publisher: true } } },
    orderBy: [{ startsOn: "asc" }, { id: "asc" }],
  });
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    startsOn: isoDayOrNull(row.startsOn),
    endsOn: isoDayOrNull(row.endsOn),
    datePrecision: row.datePrecision,
    dateNote: row.dateNote,
    title: { es: row.titleEs, en: row.titleEn },
    source: row.source,
  }));
}

/** Every source document with how many published figures it supports. */
export async function listApiSources() {
  const [sources, counts] = await Promise.all([
    getDb().source.findMany({ select: { id: true, url: true, publisher: true, publishedAt: true, retrievedAt: true, archivedUrl: true }, orderBy: { url: "asc" } }),
    getDb().observationTally.groupBy({ by: ["sourceId"], where: { published: { gt: 0 } }, _sum: { published: true } }),
  ]);
  const figures = new Map(counts.map((row) => [row.sourceId, row._sum.published ?? 0]));
  return sources.map((source) => ({
    url: source.url,
    publisher: source.publisher,
    publishedAt: isoDayOrNull(source.publishedAt),
    retrievedAt: isoDayOrNull(source.retrievedAt),
    archivedUrl: source.archivedUrl,
    figureCount: figures.get(source.id) ?? 0,
  }));
}
