import type { Database } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import type { ValidRow } from "./validate-rows";

/**
 * Row numbers of the rows that repeat a figure already stored: same indicator, producer, source,
 * value and range (compared as numbers, so "12.50" repeats 12.5), hedge and period.
 *
 * The rows go in as JSON documents of BATCH rows, each grouped with the stored figures of their
 * indicators by that key: a group holding both is a repeat. Grouping stays linear whatever the planner guesses
 * of the document's size, where a join can turn into a nested loop over every stored figure per row.
 */
export async function findStoredDuplicates(db: Prisma.TransactionClient | Database, rows: ValidRow[]): Promise<Set<number>> {
  const found = new Set<number>();
  // A row is a repeat of a stored figure or not whatever other rows travel with it, so the rows can
  // go in batches: a 100,000-row document as one parameter blocked the event loop for seconds.
  for (let start = 0; start < rows.length; start += BATCH) {
    for (const row of await findInBatch(db, rows.slice(start, start + BATCH))) found.add(row);
  }
  return found;
}

const BATCH = 2000;

async function findInBatch(db: Prisma.TransactionClient | Database, rows: ValidRow[]): Promise<number[]> {
  const keys = rows.map(({ row, input }) => ({
    row,
    slug: input.indicatorSlug,
    producer_name: input.producer.name,
    producer_type: input.producer.type,
    url: input.source.url,
    value: input.value,
    value_max: input.valueMax ?? null,
    qualifier: input.qualifier,
    as_of: input.asOf,
    precision: input.datePrecision,
  }));
  const found = await db.$queryRawUnsafe<{ row: number }[]>(
    `SELECT unnest(array_agg(k.row) FILTER (WHERE k.row IS NOT NULL)) AS row
     FROM (
       SELECT row, slug, producer_name, producer_type, url, value, value_max, qualifier, as_of, precision
       FROM jsonb_to_recordset($1::jsonb)
         AS u(row int, slug text, producer_name text, producer_type text, url text, value numeric, value_max numeric, qualifier text, as_of date, precision text)
       UNION ALL
       SELECT NULL, i.slug, p.name, p.type::text, s.url, o.value, o."valueMax", o.qualifier::text, o."asOf", o."datePrecision"::text
       FROM "Observation" o
       JOIN "Indicator" i ON i.id = o."indicatorId"
       JOIN "Producer" p ON p.id = o."producerId"
       JOIN "Source" s ON s.id = o."sourceId"
       WHERE o.status <> 'superseded' AND i.slug = ANY($2::text[])
     ) k
     GROUP BY slug, producer_name, producer_type, url, value, value_max, qualifier, as_of, precision
     HAVING count(*) > count(k.row)`,
    JSON.stringify(keys),
    [...new Set(keys.map((key) => key.slug))],
  );
  return found.map((duplicate) => Number(duplicate.row));
}
