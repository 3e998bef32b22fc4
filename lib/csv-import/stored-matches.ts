import type { Database } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import { naturalKey, type ValidRow } from "./validate-rows";

/** A stored figure of the same indicator, producer and period as a row of the file. */
export type StoredFigure = {
  id: string;
  status: "draft" | "published" | "retracted";
  value: string;
  valueMax: string | null;
  qualifier: string;
  sourceUrl: string;
  publisher: string;
  revisionOfId: string | null;
  /** Natural key (validate-rows.ts): equal to a row's key when the row repeats this figure. */
  key: string;
};

/**
 * For each row that shares indicator, producer (name and type) and period (asOf and precision)
 * with stored figures, those figures: drafts waiting, published and retracted ones (superseded
 * corrections and discarded drafts are no longer anyone's figure). Rows with none are absent.
 *
 * The rows go in as JSON documents of BATCH rows, each grouped with the stored figures of their
 * indicators by that key: a group holding both is a match. Grouping stays linear whatever the planner guesses
 * of the document's size, where a join can turn into a nested loop over every stored figure per row.
 */
export async function findStoredMatches(db: Prisma.TransactionClient | Database, rows: ValidRow[]): Promise<Map<number, StoredFigure[]>> {
  const found = new Map<number, StoredFigure[]>();
  // A 100,000-row document as one parameter blocked the event loop for seconds: batches of rows.
  for (let start = 0; start < rows.length; start += BATCH) {
    for (const [row, figures] of await findInBatch(db, rows.slice(start, start + BATCH))) found.set(row, figures);
  }
  return found;
}

const BATCH = 2000;

type MatchRow = {
  rows: number[];
  stored: {
    id: string;
    status: StoredFigure["status"];
    value: string;
    valueMax: string | null;
    qualifier: string;
    url: string;
    publisher: string;
    revisionOfId: string | null;
  }[];
  slug: string;
  producer_name: string;
  producer_type: string;
  as_of: string;
  precision: string;
};

async function findInBatch(db: Prisma.TransactionClient | Database, rows: ValidRow[]): Promise<Map<number, StoredFigure[]>> {
  const keys = rows.map(({ row, input }) => ({
    row,
    slug: input.indicatorSlug,
    producer_name: input.producer.name,
    producer_type: input.producer.type,
    as_of: input.asOf,
    precision: input.datePrecision,
  }));
  const groups = await db.$queryRawUnsafe<MatchRow[]>(
    `SELECT array_agg(k.row) FILTER (WHERE k.row IS NOT NULL) AS rows,
            jsonb_agg(k.stored) FILTER (WHERE k.row IS NULL) AS stored,
            slug, producer_name, producer_type, to_char(as_of, 'YYYY-MM-DD') AS as_of, precision
     FROM (
       SELECT row, slug, producer_name, producer_type, as_of, precision, NULL::jsonb AS stored
       FROM jsonb_to_recordset($1::jsonb)
         AS u(row int, slug text, producer_name text, producer_type text, as_of date, precision text)
       UNION ALL
       SELECT NULL, i.slug, p.name, p.type::text, o."asOf", o."datePrecision"::text,
              jsonb_build_object('id', o.id, 'status', o.status::text, 'value', trim_scale(o.value)::text, 'valueMax', trim_scale(o."valueMax")::text,
                                 'qualifier', o.qualifier::text, 'url', s.url, 'publisher', s.publisher, 'revisionOfId', o."revisionOfId")
       FROM "Observation" o
       JOIN "Indicator" i ON i.id = o."indicatorId"
       JOIN "Producer" p ON p.id = o."producerId"
       JOIN "Source" s ON s.id = o."sourceId"
       WHERE o.status IN ('draft', 'published', 'retracted') AND i.slug = ANY($2::text[]) AND p.name = ANY($3::text[])
     ) k
     GROUP BY slug, producer_name, producer_type, as_of, precision
     HAVING count(k.row) > 0 AND count(*) > count(k.row)`,
    JSON.stringify(keys),
    [...new Set(keys.map((key) => key.slug))],
    [...new Set(keys.map((key) => key.producer_name))],
  );
  const found = new Map<number, StoredFigure[]>();
  for (const group of groups) {
    const figures = group.stored.map((figure): StoredFigure => ({
      id: figure.id,
      status: figure.status,
      value: figure.value,
      valueMax: figure.valueMax,
      qualifier: figure.qualifier,
      sourceUrl: figure.url,
      publisher: figure.publisher,
      revisionOfId: figure.revisionOfId,
      key: naturalKey({
        indicatorSlug: group.slug,
        value: figure.value,
        valueMax: figure.valueMax,
        qualifier: figure.qualifier as ValidRow["input"]["qualifier"],
        asOf: group.as_of,
        datePrecision: group.precision as ValidRow["input"]["datePrecision"],
        producer: { name: group.producer_name, type: group.producer_type as ValidRow["input"]["producer"]["type"] },
        source: { url: figure.url, publisher: figure.publisher },
      }),
    }));
    for (const row of group.rows) found.set(Number(row), figures);
  }
  return found;
}

/** The drafts already proposing a correction of each of these published figures (figure id → draft id). */
export async function findPendingCorrections(
  db: Prisma.TransactionClient | Database,
  publishedIds: string[],
): Promise<Map<string, string>> {
  if (!publishedIds.length) return new Map();
  const pending = await db.observation.findMany({
    where: { revisionOfId: { in: publishedIds }, status: "draft" },
    select: { id: true, revisionOfId: true },
  });
  return new Map(pending.map((draft) => [draft.revisionOfId!, draft.id]));
}
