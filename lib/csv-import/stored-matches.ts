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
 * The rows' distinct periods are looked up in the index on (indicator, producer, status, precision,
 * asOf), so the cost grows with the file, not with the figures stored for its indicators.
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

type StoredRow = {
  id: string;
  status: StoredFigure["status"];
  value: string;
  valueMax: string | null;
  qualifier: string;
  url: string;
  publisher: string;
  revisionOfId: string | null;
  slug: string;
  producer_name: string;
  producer_type: string;
  as_of: string;
  precision: string;
};

const periodKey = (slug: string, name: string, type: string, asOf: string, precision: string) =>
  [slug, name, type, asOf, precision].join("\u0001");

async function findInBatch(db: Prisma.TransactionClient | Database, rows: ValidRow[]): Promise<Map<number, StoredFigure[]>> {
  const periods = new Map<string, { slug: string; producer_name: string; producer_type: string; as_of: string; precision: string }>();
  for (const { input } of rows) {
    const key = periodKey(input.indicatorSlug, input.producer.name, input.producer.type, input.asOf, input.datePrecision);
    if (!periods.has(key))
      periods.set(key, {
        slug: input.indicatorSlug,
        producer_name: input.producer.name,
        producer_type: input.producer.type,
        as_of: input.asOf,
        precision: input.datePrecision,
      });
  }
  const stored = await db.$queryRawUnsafe<StoredRow[]>(
    `WITH k AS (
       SELECT DISTINCT i.id AS indicator_id, p.id AS producer_id, u.as_of, u.precision::"DatePrecision" AS precision
       FROM jsonb_to_recordset($1::jsonb) AS u(slug text, producer_name text, producer_type text, as_of date, precision text)
       JOIN "Indicator" i ON i.slug = u.slug
       JOIN "Producer" p ON p.name = u.producer_name AND p.type::text = u.producer_type
     )
     SELECT o.id, o.status::text AS status, trim_scale(o.value)::text AS value, trim_scale(o."valueMax")::text AS "valueMax",
            o.qualifier::text AS qualifier, s.url, s.publisher, o."revisionOfId",
            i.slug, p.name AS producer_name, p.type::text AS producer_type, to_char(o."asOf", 'YYYY-MM-DD') AS as_of,
            o."datePrecision"::text AS precision
     FROM k
     JOIN "Observation" o ON o."indicatorId" = k.indicator_id AND o."producerId" = k.producer_id
       AND o.status IN ('draft', 'published', 'retracted') AND o."datePrecision" = k.precision AND o."asOf" = k.as_of
     JOIN "Indicator" i ON i.id = o."indicatorId"
     JOIN "Producer" p ON p.id = o."producerId"
     JOIN "Source" s ON s.id = o."sourceId"`,
    JSON.stringify([...periods.values()]),
  );
  const byPeriod = new Map<string, StoredFigure[]>();
  for (const figure of stored) {
    const key = periodKey(figure.slug, figure.producer_name, figure.producer_type, figure.as_of, figure.precision);
    const list = byPeriod.get(key) ?? [];
    list.push({
      id: figure.id,
      status: figure.status,
      value: figure.value,
      valueMax: figure.valueMax,
      qualifier: figure.qualifier,
      sourceUrl: figure.url,
      publisher: figure.publisher,
      revisionOfId: figure.revisionOfId,
      key: naturalKey({
        indicatorSlug: figure.slug,
        value: figure.value,
        valueMax: figure.valueMax,
        qualifier: figure.qualifier as ValidRow["input"]["qualifier"],
        asOf: figure.as_of,
        datePrecision: figure.precision as ValidRow["input"]["datePrecision"],
        producer: { name: figure.producer_name, type: figure.producer_type as ValidRow["input"]["producer"]["type"] },
        source: { url: figure.url, publisher: figure.publisher },
      }),
    });
    byPeriod.set(key, list);
  }
  const found = new Map<number, StoredFigure[]>();
  for (const { row, input } of rows) {
    const figures = byPeriod.get(periodKey(input.indicatorSlug, input.producer.name, input.producer.type, input.asOf, input.datePrecision));
    if (figures) found.set(row, figures);
  }
  return found;
}

/** The drafts already proposing a correction of each of these published figures (figure id → draft id). */
export async function findPendingCorrections(
  db: Prisma.TransactionClient | Database,
  publishedIds: string[],
): Promise<Map<string, string>> {
  if (!publishedIds.length) return new Map();
  const pending = await db.$queryRawUnsafe<{ id: string; revisionOfId: string }[]>(
    `SELECT id, "revisionOfId" FROM "Observation" WHERE status = 'draft' AND "revisionOfId" = ANY($1::text[])`,
    publishedIds,
  );
  return new Map(pending.map((draft) => [draft.revisionOfId, draft.id]));
}
