import { randomBytes } from "node:crypto";
import { AppError, conflict } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import type { TObservationInput } from "../schemas/observation";
import { suggestAttribution } from "../observations/attribution";
import { PUBLIC_OBSERVATION_JOINS, SNAPSHOT_COLUMNS, snapshotFromColumns, type SnapshotColumnsRow } from "../observations/shapes";
import { classColumns, loadDomainTable } from "../sources/source-class";
import { proposeSourceClass } from "../sources/source-domains";

type Tx = Prisma.TransactionClient;

// Rows per statement: enough that round trips do not count, few enough to keep each message (and
// the embedded database's memory) modest.
const BATCH = 5000;

// Timestamps are stored as UTC wall time, as Prisma writes them.
const NOW = `(now() AT TIME ZONE 'UTC')`;

// Prisma fills @default(cuid()) in the client, not in the database, so raw inserts bring their own
// ids of the same shape: "c", 8 base-36 characters of time, 16 random ones.
export function newIds(count: number): string[] {
  const time = Date.now().toString(36).padStart(8, "0");
  const bytes = randomBytes(count * 16);
  return Array.from({ length: count }, (_, i) => {
    let id = `c${time}`;
    for (let k = i * 16; k < (i + 1) * 16; k++) id += (bytes[k]! % 36).toString(36);
    return id;
  });
}

function uniqueBy<T>(items: T[], key: (item: T) => string): T[] {
  return [...new Map(items.map((item) => [key(item), item])).values()];
}

/** A row to write: a new figure, or (with revisionOfId) a proposed correction of that published figure. */
export type DraftToInsert = { row: number; input: TObservationInput; revisionOfId: string | null };

type InsertOptions = { importBatchId?: string | null; correctionReason?: string };

/**
 * Adds the producers and sources the rows name that do not exist yet, then each row as a draft by
 * `authorId` (its author and only writer, so the importer cannot publish it) with its history entry
 * as the form records it: "observation.created" with its snapshot as `after`, or, for a proposed
 * correction, "observation.correction_proposed" with the published figure's snapshot as `before`
 * and `correctionReason` as its reason.
 *
 * Set-based SQL instead of Prisma's createMany, which costs about a millisecond a row; the rows
 * travel as one JSON parameter, which node-postgres sends far faster than one array per column.
 */
export async function insertDrafts(
  tx: Tx,
  drafts: DraftToInsert[],
  authorId: string,
  { importBatchId = null, correctionReason = "CSV import" }: InsertOptions = {},
): Promise<number> {
  const inputs = drafts.map((draft) => draft.input);
  const producers = uniqueBy(
    inputs.map((input) => input.producer),
    (producer) => `${producer.type}|${producer.name}`,
  );
  const producerIds = newIds(producers.length);
  await tx.$executeRawUnsafe(
    `INSERT INTO "Producer" (id, name, type, "createdAt", "updatedAt")
     SELECT id, name, type::"ProducerType", ${NOW}, ${NOW} FROM jsonb_to_recordset($1::jsonb) AS p(id text, name text, type text)
     ON CONFLICT (name, type) DO NOTHING`,
    JSON.stringify(producers.map((producer, i) => ({ id: producerIds[i], ...producer }))),
  );
  // A source already stored keeps its publisher and dates; a new one takes those of the last row naming it.
  const sources = uniqueBy(
    inputs.map((input) => input.source),
    (source) => source.url,
  );
  const sourceIds = newIds(sources.length);
  const domains = await loadDomainTable(tx);
  await tx.$executeRawUnsafe(
    `INSERT INTO "Source" (id, url, publisher, "publishedAt", "retrievedAt", "sourceClass", "sourceClassOrigin", "createdAt", "updatedAt")
     SELECT id, url, publisher, "publishedAt", ${NOW}::date, "sourceClass"::"SourceClass", "sourceClassOrigin"::"SourceClassOrigin", ${NOW}, ${NOW}
     FROM jsonb_to_recordset($1::jsonb)
       AS s(id text, url text, publisher text, "publishedAt" date, "sourceClass" text, "sourceClassOrigin" text)
     ON CONFLICT (url) DO NOTHING`,
    JSON.stringify(sources.map((source, i) => ({ id: sourceIds[i], ...source, ...classColumns(proposeSourceClass(domains, source.url)) }))),
  );

  for (let start = 0; start < drafts.length; start += BATCH) {
    const batch = drafts.slice(start, start + BATCH);
    const ids = newIds(batch.length);
    const rows = batch.map(({ input, revisionOfId }, i) => ({
      id: ids[i],
      attribution: input.attribution || suggestAttribution(input.producer.name, input.source.publisher),
      revisionOfId,
      input,
    }));
    // Values go from JSON text to numeric without passing through a float, so every digit is kept.
    // The drafts come back as stored, with their indicator, producer and source, in the file's order.
    const created = await tx.$queryRawUnsafe<SnapshotColumnsRow[]>(
      `WITH r AS (
         SELECT e->>'id' AS id, e->>'attribution' AS attribution, e->>'revisionOfId' AS "revisionOfId", e->'input' AS input, position
         FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS t(e, position)
       ), created AS (
         INSERT INTO "Observation" (id, "indicatorId", "producerId", "sourceId", value, "valueMax", qualifier, "asOf", "datePrecision",
                                    attribution, "noteEn", "noteEs", status, "revisionOfId", "authorId", "contributorIds", "importBatchId", "createdAt", "updatedAt")
         SELECT r.id, i.id, p.id, s.id, (input->>'value')::numeric, (input->>'valueMax')::numeric, (input->>'qualifier')::"Qualifier",
                (input->>'asOf')::date, (input->>'datePrecision')::"DatePrecision", r.attribution,
                NULLIF(input->>'noteEn', ''), NULLIF(input->>'noteEs', ''), 'draft', r."revisionOfId", $2, ARRAY[$2::text], $3, ${NOW}, ${NOW}
         FROM r
         JOIN "Indicator" i ON i.slug = input->>'indicatorSlug'
         JOIN "Producer" p ON p.name = input->'producer'->>'name' AND p.type::text = input->'producer'->>'type'
         JOIN "Source" s ON s.url = input->'source'->>'url'
         RETURNING *
       )
       SELECT ${SNAPSHOT_COLUMNS} FROM r JOIN created o ON o.id = r.id ${PUBLIC_OBSERVATION_JOINS}
       ORDER BY r.position`,
      JSON.stringify(rows),
      authorId,
      importBatchId,
    );
    // The joins drop a row whose indicator went missing meanwhile; that must undo the whole import.
    if (created.length !== batch.length) throw conflict("An indicator changed during the import; nothing was imported. Try again.");
    // Each draft's history entry holds the snapshots the form's would: the same function, on the stored rows.
    const originals = await snapshotsOf(
      tx,
      batch.flatMap((draft) => (draft.revisionOfId ? [draft.revisionOfId] : [])),
    );
    const changeIds = newIds(created.length);
    const entries = created.map((row, i) => {
      const revisionOfId = batch[i]!.revisionOfId;
      return revisionOfId
        ? {
            id: changeIds[i],
            action: "observation.correction_proposed",
            entityId: row.id,
            reason: correctionReason,
            before: originals.get(revisionOfId) ?? null,
            after: snapshotFromColumns(row),
          }
        : {
            id: changeIds[i],
            action: "observation.created",
            entityId: row.id,
            reason: "CSV import",
            before: null,
            after: snapshotFromColumns(row),
          };
    });
    await tx.$executeRawUnsafe(
      `INSERT INTO "ChangeEntry" (id, action, "entityType", "entityId", "actorUserId", reason, before, after, "createdAt")
       SELECT e->>'id', e->>'action', 'observation', e->>'entityId', $2, e->>'reason', NULLIF(e->'before', 'null'::jsonb), e->'after', ${NOW}
       FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS t(e, position)
       ORDER BY position`,
      JSON.stringify(entries),
      authorId,
    );
  }
  await refuseSecondCorrections(tx, drafts);
  return drafts.length;
}

/** The stored figures' snapshots, by id, as the change log records them. */
async function snapshotsOf(tx: Tx, ids: string[]) {
  if (!ids.length) return new Map<string, ReturnType<typeof snapshotFromColumns>>();
  const rows = await tx.$queryRawUnsafe<SnapshotColumnsRow[]>(
    `SELECT ${SNAPSHOT_COLUMNS} FROM "Observation" o ${PUBLIC_OBSERVATION_JOINS} WHERE o.id = ANY($1::text[])`,
    ids,
  );
  return new Map(rows.map((row) => [row.id, snapshotFromColumns(row)]));
}

/**
 * A published figure takes one waiting correction at a time, as the form's correction insists. A
 * correction proposed elsewhere while this import ran would make two: then nothing is imported.
 */
async function refuseSecondCorrections(tx: Tx, drafts: DraftToInsert[]) {
  const corrected = drafts.flatMap((draft) => (draft.revisionOfId ? [draft.revisionOfId] : []));
  if (!corrected.length) return;
  const twice = await tx.$queryRawUnsafe<{ id: string }[]>(
    `SELECT "revisionOfId" AS id FROM "Observation"
     WHERE status = 'draft' AND "revisionOfId" = ANY($1::text[])
     GROUP BY "revisionOfId" HAVING count(*) > 1 LIMIT 1`,
    corrected,
  );
  if (twice.length)
    throw new AppError(
      409,
      "import_correction_already_pending",
      "A correction of a figure in this file was proposed meanwhile; nothing was imported. Check the file again.",
      {
        figureId: twice[0]!.id,
      },
    );
}
