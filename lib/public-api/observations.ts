import "server-only";
import { readApiObservationPage, type ApiObservationPage, type ObservationFilter, type SeriesIndicator } from "../observations/api-queries";
import type { ApiObservation } from "../observations/shapes";
import { isoDayOrNull, isRealIsoDay, fromIsoDay } from "../dates";

export type { ObservationFilter } from "../observations/api-queries";

export type ObservationQuery = ObservationFilter & { cursor?: string; limit: number };

/** Rows per database read of a whole-series download (all=true). */
export const STREAM_PAGE_ROWS = 1000;

// Cursor = the last row's (asOf, id), so pages stay stable while figures are added.
export const encodeCursor = (row: { asOf: Date; id: string }) => Buffer.from(`${isoDayOrNull(row.asOf)}|${row.id}`).toString("base64url");
// A cursor is read back from the query string, so it is checked like input: a real day and an id's characters.
export function decodeCursor(cursor: string): { asOf: Date; id: string } | null {
  const [asOf, id, ...rest] = Buffer.from(cursor, "base64url").toString().split("|");
  if (!asOf || !id || rest.length || !isRealIsoDay(asOf) || !/^[A-Za-z0-9_-]{1,64}$/.test(id)) return null;
  return { asOf: fromIsoDay(asOf), id };
}

/** One page of the published (and, when asked, retracted) figures of one indicator; null when the indicator is unknown. */
export async function listApiObservations(query: ObservationQuery) {
  const page = await readApiObservationPage(query, query.cursor ? decodeCursor(query.cursor) : null, query.limit);
  if (!page) return null;
  return { indicator: page.indicator, observations: page.observations, nextCursor: page.next ? encodeCursor(page.next) : null };
}

export type ObservationStream = {
  indicator: SeriesIndicator;
  /** Every matching figure, read from the database a page at a time as the reader asks for more. */
  pages(): AsyncGenerator<ApiObservation[]>;
};

/**
 * A whole series for a download (all=true), without holding it in memory: the answer is written
 * page by page as the client reads it. The pages are separate reads, not one transaction, so a slow
 * download never holds the database (the embedded one runs one transaction at a time); a figure
 * published meanwhile may or may not be in it, and none is given twice, as when a client follows cursors.
 * The first page is read before answering, so an unknown indicator is a 404, not a broken download.
 */
export async function streamApiObservations(filter: ObservationFilter): Promise<ObservationStream | null> {
  const first = await readApiObservationPage(filter, null, STREAM_PAGE_ROWS);
  if (!first) return null;
  return {
    indicator: first.indicator,
    async *pages() {
      let page: ApiObservationPage | null = first;
      while (page) {
        if (page.observations.length) yield page.observations;
        page = page.next ? await readApiObservationPage(filter, page.next, STREAM_PAGE_ROWS) : null;
      }
    },
  };
}
