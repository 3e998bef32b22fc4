import { z } from "zod";
import { isStorableText } from "../schemas/storable-text";

// The reference editor's lists: a search box and pages of 50, the same for every kind of record.

export const PAGE_SIZE = 50;

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);

/** `?q=…&page=…` from a list page's URL; anything malformed falls back to no search, page 1. */
export const ZListQuery = z.object({
  // PostgreSQL text holds no NUL: a search for one falls back to no search, like any malformed query.
  q: z.preprocess(first, z.string().trim().max(200).refine(isStorableText)).catch(""),
  page: z.preprocess(first, z.coerce.number().int().min(1).max(100_000)).catch(1),
});
export type ListQuery = z.infer<typeof ZListQuery>;

export type ListPage<Row> = { rows: Row[]; total: number; page: number; pageCount: number; q: string };

/** The rows a list page reads: `skip` and `take` go to findMany as they are. */
export type PageWindow = { skip: number; take: number };

/** Case-insensitive search for the text as typed: Prisma sends `contains` to ILIKE as is, so "100%" or "a_b" are escaped. */
export const contains = (q: string) => ({ contains: q.replace(/[\\%_]/g, "\\$&"), mode: "insensitive" as const });

/** One page of a list. Counts first, so a page number past the end shows the last page rather than nothing. */
export async function listPage<Row>(
  query: ListQuery,
  read: { count: () => Promise<number>; rows: (window: PageWindow) => Promise<Row[]> },
): Promise<ListPage<Row>> {
  const total = await read.count();
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  return { rows: await read.rows({ skip: (page - 1) * PAGE_SIZE, take: PAGE_SIZE }), total, page, pageCount, q: query.q };
}
