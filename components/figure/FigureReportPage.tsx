import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getPathname } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";
import type { PublicFigure } from "@/lib/observations/public-figure";
import { errorText } from "@/components/forms/field-errors";
import { ApiError } from "@/lib/client/api";
import type { ReportOutcome } from "@/lib/reports/report-paths";
import { figureWords } from "./figure-request";
import { ReportProblemForm } from "./ReportProblemForm";
import { getReportFormText } from "./report-form-text";
import styles from "./figure.module.css";

/**
 * Where the report form lands without JavaScript: thanks, or what went wrong with the form again.
 * Never cached, so what it says is only ever shown to the reader who sent the report.
 */
export async function FigureReportPage({
  figure,
  outcome,
  locale,
}: {
  figure: PublicFigure;
  outcome: ReportOutcome | null;
  locale: Locale;
}) {
  const [t, formText] = await Promise.all([getTranslations({ locale, namespace: "sourceTrust.figurePage" }), getReportFormText(locale)]);
  const words = figureWords(figure, locale);
  const back = (
    <p>
      <Link href={getPathname({ href: `/figures/${figure.id}`, locale })}>{t("backToFigure")}</Link>
    </p>
  );
  if (outcome && "sent" in outcome) {
    return (
      <article className={styles.page}>
        <h1>{t("reportSentHeading")}</h1>
        <p role="status">{t("reportSentBody")}</p>
        {back}
      </article>
    );
  }
  // The code arrives in the address: only a sentence the form knows is shown, never the address's own text.
  const error = outcome
    ? {
        message: errorText(new ApiError(400, outcome.error, "", { params: outcome.params ?? {} }), formText.errorMessages, locale),
        field: outcome.field,
      }
    : null;
  return (
    <article className={styles.page}>
      <h1>{t("reportPageTitle", words)}</h1>
      {error ? <h2>{t("reportErrorHeading")}</h2> : <p>{t("reportIntro")}</p>}
      <ReportProblemForm observationId={figure.id} locale={locale} text={formText} initialError={error} />
      {back}
    </article>
  );
}
