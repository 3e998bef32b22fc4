import "server-only";
import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/routing";
import type { ReportFormText } from "./ReportProblemForm";

/** The report form's words in the page's language: public pages give their client islands strings as props. */
export async function getReportFormText(locale: Locale): Promise<ReportFormText> {
  const t = await getTranslations({ locale, namespace: "reports" });
  return {
    labels: t.raw("form") as ReportFormText["labels"],
    fieldMessages: t.raw("fieldErrors") as ReportFormText["fieldMessages"],
    errorMessages: t.raw("errors") as ReportFormText["errorMessages"],
  };
}
