import { z } from "zod";

// The bounded pages of the public lists (sources, events), like the figures' pages: a page size of at
// most 1000, 500 when not asked, and an opaque cursor that the Link header and meta.nextCursor carry.
export const DEFAULT_PAGE_SIZE = 500;

/** Which page a list query reads: the rows after the cursor (none for the first page), at most `limit` of them. */
export type CursorPage<Cursor> = { after: Cursor | null; limit: number };

/** A cursor parameter: accepted only when `decode` can read it back, so a forged one gets a 400, not a query. */
export const ZQueryCursor = <Cursor>(decode: (cursor: string) => Cursor | null) =>
  z
    .string()
    .refine((cursor) => decode(cursor) !== null, "is not a cursor this API gave out")
    .transform((cursor) => decode(cursor)!);

/** The same request with the next page's cursor, as a Link header; none on the last page. */
export function nextPageLink(request: Request, nextCursor: string | null): Record<string, string> {
  if (!nextCursor) return {};
  const next = new URL(request.url);
  next.searchParams.set("cursor", nextCursor);
  return { link: `<${next.pathname}${next.search}>; rel="next"` };
}
