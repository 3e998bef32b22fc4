import "server-only";
import { getDb } from "../db/client";
import { runTransaction } from "../db/transaction";
import { AppError, notFound } from "../errors";
import type { TProblemReportInput } from "../schemas/problem-report";
import { addressKeyOf } from "./address-key";

// A reader's report about a figure: stored for staff, never applied to anything. Limits keep one
// address from flooding the list (REPORT_LIMITS.perHour, perDay) and many addresses together from
// filling the database (REPORT_LIMITS.openPerHour).
export const REPORT_LIMITS = { perHour: 5, perDay: 20, openPerHour: 500 } as const;

const HOUR_MS = 3_600_000;

// Every report's check and insert wait for this one transaction-scoped lock, so parallel requests are
// counted one after another and none slips past a limit; reports are rare and the transaction short.
const REPORT_LOCK = 0x7265706f; // "repo"

const tooManyFromAddress = (limit: number, period: "hour" | "day") =>
  new AppError(429, "too_many_reports", `This connection has sent ${limit} reports in the last ${period}; try again later.`, {
    params: { limit, period },
  });

const tooManyOverall = () => new AppError(429, "reports_paused", "The site is receiving too many reports right now; try again in an hour.");

export type CreatedReport = { id: string; observationId: string; createdAt: string };

/**
 * Stores a report about a published or retracted figure from `address` (the connection's address,
 * kept only as a keyed hash). A draft, discarded or unknown figure is not found, whatever the id.
 */
export async function createProblemReport(input: TProblemReportInput, address: string, now = new Date()): Promise<CreatedReport> {
  const addressKey = addressKeyOf(address);
  return runTransaction(getDb(), async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${REPORT_LOCK}::bigint)`;
    const figure = await tx.observation.findFirst({
      where: { id: input.observationId, status: { in: ["published", "retracted"] } },
      select: { id: true },
    });
    if (!figure) throw notFound("This figure", "figure_not_found");

    const hourAgo = new Date(now.getTime() - HOUR_MS);
    const dayAgo = new Date(now.getTime() - 24 * HOUR_MS);
    const fromAddressThisHour = await tx.problemReport.count({ where: { addressKey, createdAt: { gt: hourAgo } } });
    if (fromAddressThisHour >= REPORT_LIMITS.perHour) throw tooManyFromAddress(REPORT_LIMITS.perHour, "hour");
    const fromAddressToday = await tx.problemReport.count({ where: { addressKey, createdAt: { gt: dayAgo } } });
    if (fromAddressToday >= REPORT_LIMITS.perDay) throw tooManyFromAddress(REPORT_LIMITS.perDay, "day");
    // Counted on the (status, createdAt) index: the reports of the last hour still open.
    const openThisHour = await tx.problemReport.count({ where: { status: "open", createdAt: { gt: hourAgo } } });
    if (openThisHour >= REPORT_LIMITS.openPerHour) throw tooManyOverall();

    const report = await tx.problemReport.create({
      data: {
        observationId: figure.id,
        message: input.message,
        sourceUrl: input.sourceUrl ?? null,
        email: input.email ?? null,
        addressKey,
        createdAt: now,
      },
      select: { id: true, observationId: true, createdAt: true },
    });
    return { ...report, createdAt: report.createdAt.toISOString() };
  });
}
