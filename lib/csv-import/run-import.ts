import "server-only";
import type { z } from "zod";
import type { Actor } from "../auth/actor";
import { getDb, type Database } from "../db/client";
import { AppError, forbidden } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { canImportObservations } from "../auth/permissions";
import type { ZImportRequest } from "./fields";
import { classifyConflicts, type ConflictTally } from "./conflicts";
import { insertDrafts, type DraftToInsert } from "./insert-drafts";
import { rejectedRows } from "./rejected-rows";
import { TEMPLATE_EXAMPLE_CODE } from "./result-codes";
import { findStoredMatches } from "./stored-matches";
import { TEMPLATE_EXAMPLE_SLUG } from "./template";
import { scanCsv, type ProblemTally, type ValidRow } from "./validate-rows";

export type ImportRequestBody = z.output<typeof ZImportRequest>;
export type ImportMode = ImportRequestBody["mode"];

export type ImportPlan = {
  totalRows: number;
  /** Rows the row filters left out (of totalRows). */
  skipped: number;
  problems: ProblemTally;
  /** Rows that become new drafts. */
  toCreate: ValidRow[];
  /** Rows that differ from one published figure of the same producer and period: proposed corrections of it. */
  corrections: { row: ValidRow; figureId: string }[];
  /** Rows repeating a stored figure or an earlier row. */
  duplicates: number[];
  conflicts: ConflictTally;
};

type Reader = Prisma.TransactionClient | Database;

/** Reads and checks the file (the reading options are the request's); the template's example row reads as valid here. */
async function scan(request: ImportRequestBody, indicators: Set<string>) {
  try {
    return await scanCsv(request.csv, request, indicators);
  } catch (error) {
    throw new AppError(400, "invalid_csv", `The file is not valid CSV: ${(error as Error).message.slice(0, 300)}`);
  }
}

export async function planImport(request: ImportRequestBody, db: Reader = getDb()): Promise<ImportPlan> {
  const indicators = new Set((await db.indicator.findMany({ select: { slug: true } })).map((row) => row.slug));
  const { valid, problems, totalRows, skipped } = await scan(request, new Set([...indicators, TEMPLATE_EXAMPLE_SLUG]));
  // The template's example row, left in the file, is set aside with a reason of its own.
  const examples = valid.filter((row) => row.input.indicatorSlug === TEMPLATE_EXAMPLE_SLUG);
  for (const example of examples) {
    problems.add([
      {
        row: example.row,
        column: request.mapping.indicator ?? "indicator",
        message: "This is the template's example row; replace it with your figures.",
        code: TEMPLATE_EXAMPLE_CODE,
      },
    ]);
  }
  const readable = examples.length ? valid.filter((row) => row.input.indicatorSlug !== TEMPLATE_EXAMPLE_SLUG) : valid;

  // A row repeating an earlier one of the file is a duplicate; only first occurrences are looked up.
  const seen = new Set<string>();
  const firsts: ValidRow[] = [];
  for (const row of readable) {
    if (!seen.has(row.key)) firsts.push(row);
    seen.add(row.key);
  }
  const outcome = await classifyConflicts(db, firsts, await findStoredMatches(db, firsts), request.mapping);
  for (const rejection of outcome.setAside) problems.add([rejection]);
  const kept = new Set([...outcome.toCreate, ...outcome.corrections.map((correction) => correction.row)]);
  const setAside = new Set(outcome.setAside.map((rejection) => rejection.row));
  const duplicates = readable.filter((row) => !kept.has(row) && !setAside.has(row.row)).map((row) => row.row);
  return {
    totalRows,
    skipped,
    problems,
    toCreate: outcome.toCreate,
    corrections: outcome.corrections,
    duplicates,
    conflicts: outcome.tally,
  };
}

/**
 * What a check answers, whatever the file's size: totals, problems counted in full (all, per
 * column, and rows with any), the first LISTED_PROBLEMS of them, the first conflicts with stored
 * figures side by side, and the first 20 new figures.
 */
export function summarize(plan: ImportPlan) {
  return {
    totalRows: plan.totalRows,
    skipped: plan.skipped,
    valid: plan.toCreate.length,
    corrections: plan.corrections.length,
    duplicates: plan.duplicates.length,
    errorCount: plan.problems.total,
    invalidRows: plan.problems.invalidRows,
    problemsByColumn: [...plan.problems.byColumn].map(([column, count]) => ({ column, count })).sort((a, b) => b.count - a.count),
    errors: [...plan.problems.listed].sort((a, b) => a.row - b.row),
    conflicts: { total: plan.conflicts.total, setAside: plan.conflicts.setAside, listed: plan.conflicts.listed },
    sample: plan.toCreate.slice(0, 20).map((row) => ({ row: row.row, ...row.input })),
  };
}

export async function previewImport(actor: Actor, request: ImportRequestBody) {
  if (!canImportObservations(actor)) throw forbidden("Only editors, reviewers and admins can import.");
  return summarize(await planImport(request));
}

const refusal = (plan: ImportPlan) =>
  new AppError(400, "invalid_rows", `${plan.problems.total} problem(s) in the file; nothing was imported.`, summarize(plan));

/**
 * Writes the file's new rows as drafts and its corrections as proposed corrections, in one
 * transaction and one import batch. All or nothing (the default) refuses a file with any rejected
 * row; valid rows writes the others and answers the rejected ones with their reasons. A file whose
 * header lacks a mapped column is refused either way. A failure writes nothing at all.
 */
export async function commitImport(actor: Actor, request: ImportRequestBody) {
  if (!canImportObservations(actor) || actor.kind !== "user") throw forbidden("Only editors, reviewers and admins can import.");
  const fileName = request.fileName ?? "import.csv";
  return getDb().$transaction(
    async (tx) => {
      const plan = await planImport(request, tx);
      const headerProblem = plan.problems.rejected.has(1);
      if (plan.problems.total && (request.mode === "all_or_nothing" || headerProblem)) throw refusal(plan);
      const drafts: DraftToInsert[] = [
        ...plan.toCreate.map((row) => ({ row: row.row, input: row.input, revisionOfId: null })),
        ...plan.corrections.map(({ row, figureId }) => ({ row: row.row, input: row.input, revisionOfId: figureId })),
      ].sort((a, b) => a.row - b.row);
      let batchId: string | null = null;
      if (drafts.length) {
        const batch = await tx.importBatch.create({
          data: { fileName, createdById: actor.user.id, draftCount: drafts.length },
          select: { id: true },
        });
        batchId = batch.id;
        await insertDrafts(tx, drafts, actor.user.id, { importBatchId: batch.id, correctionReason: `CSV import: ${fileName}` });
      }
      const rejected = rejectedRows(plan.problems);
      return {
        created: plan.toCreate.length,
        corrections: plan.corrections.length,
        duplicates: plan.duplicates.length,
        rejected: plan.problems.invalidRows,
        skipped: plan.skipped,
        totalRows: plan.totalRows,
        batchId,
        /** Every rejected row's reasons, for the first REJECTED_ROWS_LISTED rows (rejectedListed says how many). */
        rejectedRows: rejected,
      };
    },
    { timeout: 600_000, maxWait: 30_000 },
  );
}
