import type { Actor } from "../auth/actor";
import { getDb } from "../db/client";
import { AppError, forbidden } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { canImportObservations } from "../permissions";
import type { ColumnMapping } from "./fields";
import { parseCsv, validateRows, type RowError, type ValidRow } from "./validate-rows";
import { isoDay } from "../dates";

type Tx = Prisma.TransactionClient;

const storedKey = (ids: { indicatorId: string; producerId: string; sourceId: string }, figure: { value: string; valueMax: string | null; qualifier: string; asOf: string; datePrecision: string }) =>
  [ids.indicatorId, ids.producerId, ids.sourceId, String(Number(figure.value)), figure.valueMax ? String(Number(figure.valueMax)) : "", figure.qualifier, figure.asOf, figure.datePrecision].join("\u0001");

/**
 * Rows that repeat a figure already stored (same indicator, producer, source, value, hedge and
 * period). Compared by ids with flat queries: no joins over what can be many thousand rows.
 */
async function storedDuplicates(db: Tx | ReturnType<typeof getDb>, rows: ValidRow[]): Promise<Set<ValidRow>> {
  const inputs = rows.map((row) => row.input);
  // One after another: inside the import's transaction they share a single connection.
  const indicators = await db.indicator.findMany({ where: { slug: { in: [...new Set(inputs.map((i) => i.indicatorSlug))] } }, select: { id: true, slug: true } });
  const producers = await db.producer.findMany({ where: { name: { in: [...new Set(inputs.map((i) => i.producer.name))] } }, select: { id: true, name: true, type: true } });
  const sources = await db.source.findMany({ where: { url: { in: [...new Set(inputs.map((i) => i.source.url))] } }, select: { id: true, url: true } });
  const indicatorIds = new Map(indicators.map((row) => [row.slug, row.id]));
  const producerIds = new Map(producers.map((row) => [`${row.type}|${row.name}`, row.id]));
  const sourceIds = new Map(sources.map((row) => [row.url, row.id]));
  const stored = await db.observation.findMany({
    where: { indicatorId: { in: [...indicatorIds.values()] }, producerId: { in: [...producerIds.values()] }, sourceId: { in: [...sourceIds.values()] }, status: { not: "superseded" } },
    select: { indicatorId: true, producerId: true, sourceId: true, value: true, valueMax: true, qualifier: true, asOf: true, datePrecision: true },
  });
  const keys = new Set(
    stored.map((row) => storedKey(row, { value: row.value.toString(), valueMax: row.valueMax?.toString() ?? null, qualifier: row.qualifier, asOf: isoDay(row.asOf), datePrecision: row.datePrecision })),
  );
  const duplicates = new Set<ValidRow>();
  for (const row of rows) {
    const ids = {
      indicatorId: indicatorIds.get(row.input.indicatorSlug),
      producerId: producerIds.get(`${row.input.producer.type}|${row.input.producer.name}`),
      sourceId: sourceIds.get(row.input.source.url),
    };
    if (!ids.indicatorId || !ids.producerId || !ids.sourceId) continue;
    if (keys.has(storedKey(ids as { indicatorId: string; producerId: string; sourceId: string }, { ...row.input, valueMax: row.input.valueMax ?? null }))) duplicates.add(row);
  }
  return duplicates;
}

export type ImportPlan = { totalRows: number; errors: RowError[]; toCreate: ValidRow[]; duplicates: number[] };

export async function planImport(csv: string, mapping: ColumnMapping, db: Tx | ReturnType<typeof getDb> = getDb()): Promise<ImportPlan> {
  let parsed: ReturnType<typeof parseCsv>;
  try {
    parsed = parseCsv(csv);
  } catch (error) {
    throw new AppError(400, "invalid_csv", `The file is not valid CSV: ${(error as Error).message}`);
  }
  const indicators = new Set((await db.indicator.findMany({ select: { slug: true } })).map((row) => row.slug));
  const { valid, errors } = validateRows(parsed.columns, parsed.records, mapping, indicators);
  const stored = await storedDuplicates(db, valid);
  const seen = new Set<string>();
  const toCreate: ValidRow[] = [];
  const duplicates: number[] = [];
  for (const row of valid) {
    if (stored.has(row) || seen.has(row.key)) duplicates.push(row.row);
    else toCreate.push(row);
    seen.add(row.key);
  }
  return { totalRows: parsed.records.length, errors, toCreate, duplicates };
}

export function summarize(plan: ImportPlan) {
  return {
    totalRows: plan.totalRows,
    valid: plan.toCreate.length,
    duplicates: plan.duplicates.length,
    errorCount: plan.errors.length,
    errors: plan.errors,
    sample: plan.toCreate.slice(0, 20).map((row) => ({ row: row.row, ...row.input })),
  };
}

export async function previewImport(actor: Actor, csv: string, mapping: ColumnMapping) {
  if (!canImportObservations(actor)) throw forbidden("Only editors, reviewers and admins can import.");
  return summarize(await planImport(csv, mapping));
}

/** Writes every new row as a draft in one transaction, or nothing when any row is invalid. */
export async function commitImport(actor: Actor, csv: string, mapping: ColumnMapping) {
  if (!canImportObservations(actor) || actor.kind !== "user") throw forbidden("Only editors, reviewers and admins can import.");
  return getDb().$transaction(
    async (tx) => {
      const plan = await planImport(csv, mapping, tx);
      if (plan.errors.length) throw new AppError(400, "invalid_rows", `${plan.errors.length} problem(s) in the file; nothing was imported.`, summarize(plan));
      const inputs = plan.toCreate.map((row) => row.input);

      await tx.producer.createMany({ data: uniqueBy(inputs.map((i) => i.producer), (p) => `${p.type}|${p.name}`), skipDuplicates: true });
      await tx.source.createMany({
        data: uniqueBy(inputs.map((i) => i.source), (s) => s.url).map((s) => ({ url: s.url, publisher: s.publisher, publishedAt: s.publishedAt ? new Date(`${s.publishedAt}T00:00:00Z`) : null, retrievedAt: new Date(new Date().toISOString().slice(0, 10)) })),
        skipDuplicates: true,
      });
      const indicatorIds = new Map((await tx.indicator.findMany({ select: { id: true, slug: true } })).map((r) => [r.slug, r.id]));
      const producerIds = new Map((await tx.producer.findMany({ select: { id: true, name: true, type: true } })).map((r) => [`${r.type}|${r.name}`, r.id]));
      const sourceIds = new Map((await tx.source.findMany({ where: { url: { in: inputs.map((i) => i.source.url) } }, select: { id: true, url: true } })).map((r) => [r.url, r.id]));

      const created: { id: string }[] = [];
      for (let start = 0; start < inputs.length; start += 2000) {
        const batch = inputs.slice(start, start + 2000);
        created.push(
          ...(await tx.observation.createManyAndReturn({
            data: batch.map((input) => ({
              indicatorId: indicatorIds.get(input.indicatorSlug)!,
              producerId: producerIds.get(`${input.producer.type}|${input.producer.name}`)!,
              sourceId: sourceIds.get(input.source.url)!,
              value: input.value,
              valueMax: input.valueMax ?? null,
              qualifier: input.qualifier,
              asOf: new Date(`${input.asOf}T00:00:00Z`),
              datePrecision: input.datePrecision,
              attribution: input.attribution || `${input.producer.name} (${input.source.publisher})`,
              noteEn: input.noteEn || null,
              noteEs: input.noteEs || null,
              status: "draft" as const,
              authorId: actor.user.id,
            })),
            select: { id: true },
          })),
        );
      }
      // One history entry per figure created, as when it is added through the form.
      for (let start = 0; start < created.length; start += 2000) {
        await tx.changeEntry.createMany({
          data: created.slice(start, start + 2000).map((row, offset) => ({
            action: "observation.created",
            entityType: "observation",
            entityId: row.id,
            actorUserId: actor.user.id,
            reason: "CSV import",
            after: JSON.parse(JSON.stringify(inputs[start + offset])),
          })),
        });
      }
      return { created: created.length, duplicates: plan.duplicates.length, totalRows: plan.totalRows };
    },
    { timeout: 600_000, maxWait: 30_000 },
  );
}

function uniqueBy<T>(items: T[], key: (item: T) => string): T[] {
  return [...new Map(items.map((item) => [key(item), item])).values()];
}
