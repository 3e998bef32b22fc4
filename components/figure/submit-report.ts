import { z } from "zod";
import { ApiError, callApi } from "@/lib/client/api";
import type { Locale } from "@/lib/i18n/routing";
import { ZProblemReportInput } from "@/lib/schemas/problem-report";
import { errorText, fromApiError, fromZodIssues, type FieldErrors } from "@/components/forms/field-errors";
import type { ReportFormText } from "./ReportProblemForm";

const ZReceived = z.object({ received: z.boolean() });

export type ReportOutcome = { sent: boolean; errors: FieldErrors; formError: string | null };

/** Checks the report with the route's own schema, sends it, and says in the page's words what went wrong. */
export async function submitReport(data: FormData, text: ReportFormText, locale: Locale): Promise<ReportOutcome> {
  const parsed = ZProblemReportInput.safeParse(Object.fromEntries(data));
  if (!parsed.success) return { sent: false, errors: fromZodIssues(parsed.error.issues, text.fieldMessages), formError: null };
  try {
    await callApi("POST", "/api/reports", ZReceived, parsed.data);
    return { sent: true, errors: {}, formError: null };
  } catch (error) {
    const errors = error instanceof ApiError ? fromApiError(error, text.fieldMessages) : {};
    return {
      sent: false,
      errors,
      formError: Object.keys(errors).length ? text.labels.errorSummary : errorText(error, text.errorMessages, locale),
    };
  }
}
