import "server-only";
import type { Actor } from "../auth/actor";
import { getDb, type Database } from "../db/client";
import { AppError, forbidden } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { canImportObservations } from "../auth/permissions";
import type { ColumnMapping } from "./fields";
import { findStoredDuplicates } from "./find-stored-duplicates";
import { insertDrafts } from "./insert-drafts";
import { scanCsv, type ProblemTally, type ValidRow } from "./validate-rows";

export type ImportPlan = { totalRows: number; problems: ProblemTally; toCreate: ValidRow[]; duplicates: number[] };

export async function planImport(
  csv: string,
  mapping: ColumnMapping,
  db: Prisma.TransactionClient | Database = getDb(),
): Promise<ImportPlan> {
  const indicators = new Set((await db.indicator.findMany({ select: { slug: true } })).map((row) => row.slug));
  let scan: Awaited<ReturnType<typeof scanCsv>>;
  try {
    scan = await scanCsv(csv, mapping, indicators);
  } catch (error) {
    throw new AppError(400, "invalid_csv", `The file is not valid CSV: ${(error as Error).message.slice(0, 300)}`);
  }
  const { valid, problems, totalRows } = scan;
  // A row repeating an earlier one of the file is a duplicate; only first occurrences are looked up.
  const seen = new Set<string>();
  const firsts: ValidRow[] = [];
  for (const row of valid) {
    if (!seen.has(row.key)) firsts.push(row);
    seen.add(row.key);
  }
  const stored = await findStoredDuplicates(db, firsts);
  const toCreate = firsts.filter((row) => !stored.has(row.row));
  const creating = new Set(toCreate);
  const duplicates = valid.filter((row) => !creating.has(row)).map((row) => row.row);
  return { totalRows, problems, toCreate, duplicates };
}

/**
 * What a check answers, whatever the file's size: totals, problems counted in full (all, per
 * column, and rows with any), the first LISTED_PROBLEMS of them, and the first 20 new figures.
 */
export function summarize(plan: ImportPlan) {
  return {
    totalRows: plan.totalRows,
    valid: plan.toCreate.length,
    duplicates: plan.duplicates.length,
    errorCount: plan.problems.total,
    invalidRows: plan.problems.invalidRows,
    problemsByColumn: [...plan.problems.byColumn].map(([column, count]) => ({ column, count })).sort((a, b) => b.count - a.count),
    errors: plan.problems.listed,
    sample: plan.toCreate.slice(0, 20).map((row) => ({ row: row.row, ...row.input })),
  };
}

export async function previewImport(actor: Actor, csv: string, mapping: ColumnMapping) {
  if (!canImportObservations(actor)) throw forbidden("Only editors, reviewers and admins can import.");
  return summarize(await planImport(csv, mapping));
}

/** Writes every new row as a draft in one transaction, or nothing when any row is invalid. */
export async function commitImport(actor: Actor, csv: string, mapping: ColumnMapping, fileName = "import.csv") {
  if (!canImportObservations(actor) || actor.kind !== "user") throw forbidden("Only editors, reviewers and admins can import.");
  return getDb().$transaction(
    async (tx) => {
      const plan = await planImport(csv, mapping, tx);
      if (plan.problems.total)
        throw new AppError(400, "invalid_rows", `${plan.problems.total} problem(s) in the file; nothing was imported.`, summarize(plan));
      const batch = await tx.importBatch.create({
        data: { fileName, createdById: actor.user.id, draftCount: plan.toCreate.length },
        select: { id: true },
      });
      const created = await insertDrafts(
        tx,
        plan.toCreate.map((row) => row.input),
        actor.user.id,
        batch.id,
      );
      return { created, duplicates: plan.duplicates.length, totalRows: plan.totalRows, batchId: batch.id };
    },
    { timeout: 600_000, maxWait: 30_000 },
  );
}
