import "server-only";
import type { Actor } from "../auth/actor";
import { canCloseProblemReport } from "../auth/permissions";
import { getDb } from "../db/client";
import { runTransaction } from "../db/transaction";
import { conflict, forbidden, notFound } from "../errors";
import type { TCloseProblemReport } from "../schemas/problem-report";
import { REPORT_SELECT, toProblemReportEntry, type ProblemReportEntry } from "./list-reports";

/**
 * Closes an open report with a note saying what was done. Closing changes no figure: a correction,
 * if one is due, goes through the figure's own review. A report closed already is a 409, so two
 * people closing it at once cannot both write their note.
 */
export async function closeProblemReport(actor: Actor, id: string, { note }: TCloseProblemReport): Promise<ProblemReportEntry> {
  if (!canCloseProblemReport(actor) || actor.kind !== "user") throw forbidden("Only the site's staff can close a report.", "staff_only");
  return runTransaction(getDb(), async (tx) => {
    // Only while it is open: of two closings at once, the second finds nothing to update.
    const { count } = await tx.problemReport.updateMany({
      where: { id, status: "open" },
      data: { status: "closed", closedAt: new Date(), closedById: actor.user.id, closeNote: note },
    });
    const report = await tx.problemReport.findUnique({ where: { id }, select: REPORT_SELECT });
    if (!report) throw notFound("This report", "report_not_found");
    if (count === 0) throw conflict("This report was closed already.", undefined, "report_already_closed");
    return toProblemReportEntry(report);
  });
}
