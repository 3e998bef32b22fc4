import { z } from "zod";

// Paging for the editor's lists (drafts, review queue, users, tokens). A list can hold whatever an
// import or a script left in it; a page reads at most EDITOR_PAGE_SIZE rows (REVIEW_PAGE_SIZE in the
// review queue) from the database, and
// counting stops at EDITOR_COUNT_CAP, so neither the query nor the page grows with the table.

export const EDITOR_PAGE_SIZE = 50;
// Each entry of the review queue is a whole comparison table: fewer of them make a page of about the same weight.
export const REVIEW_PAGE_SIZE = 20;
export const EDITOR_COUNT_CAP = 10_000;
// Deep offsets cost the database a scan of the rows skipped: a million rows is the furthest a page goes.
const MAX_PAGE = 20_000;

export type Paged<Row> = {
  rows: Row[];
  page: number;
  pageSize: number;
  /** Pages of the counted rows; when the count stopped at the cap there may be more (hasNext says). */
  pageCount: number;
  /** The number of rows, or EDITOR_COUNT_CAP when there are more than that (totalIsCapped). */
  total: number;
  totalIsCapped: boolean;
  hasNext: boolean;
};

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);

/** `?page=` from a list page's URL; anything malformed is page 1, as in the reference lists. */
export const ZPageParam = z.preprocess(first, z.coerce.number().int().min(1).max(MAX_PAGE)).catch(1);

/**
 * One page of a list: `count(limit)` counts at most `limit` rows, `find(skip, take)` reads them in
 * the list's order (which must end on a unique column, so pages never overlap or skip a row).
 */
export async function readPage<Row>(
  requested: number,
  count: (limit: number) => Promise<number>,
  find: (skip: number, take: number) => Promise<Row[]>,
  pageSize = EDITOR_PAGE_SIZE,
): Promise<Paged<Row>> {
  const counted = await count(EDITOR_COUNT_CAP + 1);
  const totalIsCapped = counted > EDITOR_COUNT_CAP;
  const total = Math.min(counted, EDITOR_COUNT_CAP);
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  // A page past the end shows the last one; past a capped count nobody knows where the end is.
  const page = totalIsCapped ? requested : Math.min(requested, pageCount);
  const rows = await find((page - 1) * pageSize, pageSize + 1);
  return { rows: rows.slice(0, pageSize), page, pageSize, pageCount, total, totalIsCapped, hasNext: rows.length > pageSize };
}
