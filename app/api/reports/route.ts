import { z } from "zod";
import { assertSameOrigin } from "@/lib/api/mutation";
import { jsonResponse, toErrorResponse } from "@/lib/api/respond";
import { clientAddress } from "@/lib/auth/throttle";
import { AppError } from "@/lib/errors";
import { isLocale, routing } from "@/lib/i18n/routing";
import { createProblemReport } from "@/lib/reports/create-report";
import { figureReportPath, type ReportOutcome } from "@/lib/reports/report-paths";
import { readFormOrJsonBody } from "@/lib/reports/report-request";
import { ZFigureId, ZProblemReportInput } from "@/lib/schemas/problem-report";

// POST /api/reports – a reader reports a problem with a published figure; no account, limited per
// connection. A browser without JavaScript posts the plain form and is sent to a page saying how it went.
export async function POST(request: Request) {
  let fromForm = false;
  let body: Record<string, unknown> = {};
  try {
    // A page elsewhere must not post reports through a reader's browser: same origin, as for the editor's writes.
    assertSameOrigin(request);
    ({ fromForm, body } = await readFormOrJsonBody(request));
    const input = ZProblemReportInput.parse(body);
    // A filled hidden field is a bot: it is told the report went through, and nothing is stored.
    const report = input.website ? null : await createProblemReport(input, clientAddress(request));
    if (fromForm) return seeOther(figureReportPath(localeOf(body), input.observationId, { sent: true }));
    return jsonResponse({ data: { received: true, id: report?.id ?? null } }, { status: 201 });
  } catch (error) {
    const outcome = fromForm ? formOutcome(error) : null;
    const figureId = ZFigureId.safeParse(body.observationId);
    if (outcome && figureId.success) return seeOther(figureReportPath(localeOf(body), figureId.data, outcome));
    return toErrorResponse(error);
  }
}

const localeOf = (body: Record<string, unknown>) =>
  typeof body.locale === "string" && isLocale(body.locale) ? body.locale : routing.defaultLocale;

/** What the form's landing page says of a refusal; null for a failure of ours, answered (and logged) as usual. */
function formOutcome(error: unknown): ReportOutcome | null {
  if (error instanceof z.ZodError) return { error: "invalid_request", field: String(error.issues[0]?.path[0] ?? "") || undefined };
  if (error instanceof AppError && error.status < 500) {
    const params = (error.details as { params?: Record<string, string | number> } | undefined)?.params ?? {};
    return { error: error.code, params: Object.fromEntries(Object.entries(params).map(([name, value]) => [name, String(value)])) };
  }
  return null;
}

// Relative: the browser resolves it against the address it posted to, whatever host or proxy it went through.
const seeOther = (location: string) => new Response(null, { status: 303, headers: { location, "cache-control": "no-store" } });
