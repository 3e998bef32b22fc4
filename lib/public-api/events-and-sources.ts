import { getDb } from "../db/client";
import type { EventKind } from "../events/queries";
import type { Prisma } from "../generated/prisma/client";
import { isoDayOrNull, fromIsoDay } from "../dates";
import { encodeCursor } from "./observations";

export type Page<Cursor> = { after: Cursor | null; limit: number };

/** Dated events, oldest first, one page at a time; the cursor is the last event's (startsOn, id), like the figures'. */
export async function listApiEvents(filter: { from?: string; to?: string; kinds?: EventKind[] }, page: Page<{ asOf: Date; id: string }>) {
  const { after } = page;
  const rows = await getDb().event.findMany({
    where: {
      startsOn: { gte: filter.from ? fromIsoDay(filter.from) : undefined, lte: filter.to ? fromIsoDay(filter.to) : undefined },
      ...(filter.kinds ? { kind: { in: filter.kinds } } : {}),
      ...(after ? { OR: [{ startsOn: { gt: after.asOf } }, { startsOn: after.asOf, id: { gt: after.id } }] } : {}),
    },
    select: {
      id: true,
      kind: true,
      startsOn: true,
      endsOn: true,
      datePrecision: true,
      dateNote: true,
      titleEs: true,
      titleEn: true,
      source: { select: { url: true, publisher: true } },
    },
    orderBy: [{ startsOn: "asc" }, { id: "asc" }],
    take: page.limit + 1,
  });
  const shown = rows.slice(0, page.limit);
  const last = shown.at(-1);
  return {
    events: shown.map((row) => ({
      id: row.id,
      kind: row.kind,
      startsOn: isoDayOrNull(row.startsOn),
      endsOn: isoDayOrNull(row.endsOn),
      datePrecision: row.datePrecision,
      dateNote: row.dateNote,
      title: { es: row.titleEs, en: row.titleEn },
      source: row.source,
    })),
    nextCursor: rows.length > page.limit && last ? encodeCursor({ asOf: last.startsOn, id: last.id }) : null,
  };
}

// A source is public once something public cites it: a published or retracted figure (retracted ones
// stay on show, marked), a framing or an event. A source that only drafts or superseded proposals cite
// is an editor's unfinished work: its URL and publisher are not for readers yet.
export const publicSource: Prisma.SourceWhereInput = {
  OR: [{ observations: { some: { status: { in: ["published", "retracted"] } } } }, { framings: { some: {} } }, { events: { some: {} } }],
};

// Sources are listed by URL (unique), so the cursor is the last URL shown.
export const encodeSourceCursor = (url: string) => Buffer.from(url).toString("base64url");
export function decodeSourceCursor(cursor: string): string | null {
  if (cursor.length > 4096) return null;
  const url = Buffer.from(cursor, "base64url").toString("utf8");
  // Only a cursor this API wrote reads back to itself; NUL could not reach PostgreSQL as text.
  if (!url || encodeSourceCursor(url) !== cursor || url.includes("\u0000")) return null;
  return url;
}

/** Public source documents by URL, one page at a time, with how many published figures each supports. */
export async function listApiSources(page: Page<string>) {
  const rows = await getDb().source.findMany({
    where: page.after ? { AND: [publicSource, { url: { gt: page.after } }] } : publicSource,
    select: { id: true, url: true, publisher: true, publishedAt: true, retrievedAt: true, archivedUrl: true },
    orderBy: { url: "asc" },
    take: page.limit + 1,
  });
  const shown = rows.slice(0, page.limit);
  const counts = await getDb().observationTally.groupBy({
    by: ["sourceId"],
    where: { sourceId: { in: shown.map((source) => source.id) }, published: { gt: 0 } },
    _sum: { published: true },
  });
  const figures = new Map(counts.map((row) => [row.sourceId, row._sum.published ?? 0]));
  return {
    sources: shown.map((source) => ({
      url: source.url,
      publisher: source.publisher,
      publishedAt: isoDayOrNull(source.publishedAt),
      retrievedAt: isoDayOrNull(source.retrievedAt),
      archivedUrl: source.archivedUrl,
      figureCount: figures.get(source.id) ?? 0,
    })),
    nextCursor: rows.length > page.limit ? encodeSourceCursor(shown.at(-1)!.url) : null,
  };
}
