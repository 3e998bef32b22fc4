import { EDITOR_COUNT_CAP, type Paged } from "../paging";

// The editor's lists of figures page by offset, and an offset costs the database every row it skips:
// pages go as far as the count's cap and no further, so no page reads more than about `cap` rows
// whatever the table holds. Past it, the list's filters narrow what is paged (the page says so).

/** The last page a list of `pageSize` rows reaches when its count stops at `cap`. */
export const lastReachablePage = (pageSize: number, cap = EDITOR_COUNT_CAP) => Math.ceil(cap / pageSize);

/**
 * One page of a list, as lib/paging.ts readPage reads it (`count(limit)` counts at most `limit` rows,
 * `find(skip, take)` reads them in an order ending on a unique column), with the page kept within
 * lastReachablePage and the count stopped at `cap`. The page is read while the rows are counted: only
 * a page past the end is read again, as the last one.
 */
export async function readBoundedPage<Row>(
  requested: number,
  count: (limit: number) => Promise<number>,
  find: (skip: number, take: number) => Promise<Row[]>,
  pageSize: number,
  cap = EDITOR_COUNT_CAP,
): Promise<Paged<Row>> {
  const last = lastReachablePage(pageSize, cap);
  const read = (page: number) => find((page - 1) * pageSize, pageSize + 1);
  const wanted = Math.min(requested, last);
  const [counted, wantedRows] = await Promise.all([count(cap + 1), read(wanted)]);
  const totalIsCapped = counted > cap;
  const total = Math.min(counted, cap);
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  // A page past the end shows the last one.
  const page = Math.min(wanted, pageCount);
  const rows = page === wanted ? wantedRows : await read(page);
  return {
    rows: rows.slice(0, pageSize),
    page,
    pageSize,
    pageCount,
    total,
    totalIsCapped,
    hasNext: rows.length > pageSize && page < last,
  };
}
