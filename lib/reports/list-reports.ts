import "server-only";
import type { Actor } from "../auth/actor";
import { canReadProblemReports } from "../auth/permissions";
import { getDb } from "../db/client";
import { forbidden } from "../errors";
import { readPage, type Paged } from "../paging";
import type { ReportFilter } from "../schemas/problem-report";
import type { ProblemReportStatus } from "../schemas/enums";
import { FIGURE_SUMMARY_SELECT, toFigureSummary, type FigureSummary } from "../observations/shapes";
import type { Prisma } from "@/lib/generated/prisma/client";

/** A report as staff read it: the reader's words, link and email, and how it was closed. */
export type ProblemReportEntry = {
  id: string;
  figure: FigureSummary & { status: string };
  message: string;
  sourceUrl: string | null;
  email: string | null;
  status: ProblemReportStatus;
  createdAt: string;
  closed: { at: string; by: string | null; note: string | null } | null;
};

export const REPORT_SELECT = {
  id: true,
  message: true,
  sourceUrl: true,
  email: true,
  status: true,
  createdAt: true,
  closedAt: true,
  closeNote: true,
  closedBy: { select: { displayName: true } },
  observation: { select: { ...FIGURE_SUMMARY_SELECT, status: true } },
} satisfies Prisma.ProblemReportSelect;

export function toProblemReportEntry(row: Prisma.ProblemReportGetPayload<{ select: typeof REPORT_SELECT }>): ProblemReportEntry {
  return {
    id: row.id,
    figure: { ...toFigureSummary(row.observation), status: row.observation.status },
    message: row.message,
    sourceUrl: row.sourceUrl,
    email: row.email,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    closed: row.closedAt ? { at: row.closedAt.toISOString(), by: row.closedBy?.displayName ?? null, note: row.closeNote } : null,
  };
}

const readersOnly = () => forbidden("Only the site's staff can read problem reports.", "staff_only");

/**
 * One page of reports, newest first; "all" lists the open ones before the closed ones. The order
 * ends on the id, so pages never overlap, and reads the (status, createdAt, id) index.
 */
export async function listProblemReports(actor: Actor, filter: ReportFilter, page: number): Promise<Paged<ProblemReportEntry>> {
  if (!canReadProblemReports(actor)) throw readersOnly();
  const where: Prisma.ProblemReportWhereInput = filter === "all" ? {} : { status: filter };
  const db = getDb();
  return readPage(
    page,
    (limit) => db.problemReport.count({ where, take: limit }),
    async (skip, take) =>
      (
        await db.problemReport.findMany({
          where,
          orderBy: [{ status: "asc" }, { createdAt: "desc" }, { id: "desc" }],
          skip,
          take,
          select: REPORT_SELECT,
        })
      ).map(toProblemReportEntry),
  );
}

/** How many reports wait for someone (for the staff list's heading), counted up to the paging cap. */
export async function countOpenProblemReports(actor: Actor): Promise<number> {
  if (!canReadProblemReports(actor)) throw readersOnly();
  return getDb().problemReport.count({ where: { status: "open" }, take: 10_001 });
}
