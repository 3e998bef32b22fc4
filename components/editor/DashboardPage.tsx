import Link from "next/link";
import type { DraftSummary, FigureSummary } from "@/lib/observations/editor-queries";
import type { Paged } from "@/lib/paging";
import { formatAsOf, formatFigure } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/routing";
import { localized } from "@/lib/i18n/localized";
import styles from "./editor.module.css";
import { getEditorMessages } from "./editor-messages";
import { formatMoment } from "./format-time";
import { Pagination } from "./Pagination";

type Props = { locale: Locale; drafts: Paged<DraftSummary>; recent: FigureSummary[]; canReview: boolean };

export async function DashboardPage({ locale, drafts, recent, canReview }: Props) {
  const { t } = await getEditorMessages(locale);
  const base = `/${locale}/editor`;
  const openLink = (figure: FigureSummary) => (
    <Link
      href={`${base}/observations/${figure.id}`}
      aria-label={t("dashboard.openLabel", {
        indicator: localized(figure.indicator, "name", locale),
        figure: formatFigure(figure, locale),
      })}
    >
      {t("dashboard.open")}
    </Link>
  );
  return (
    <>
      <h1>{t("dashboard.title")}</h1>
      <p className={styles.actions}>
        <Link href={`${base}/observations/new`}>{t("dashboard.newFigure")}</Link>
        {canReview ? <Link href={`${base}/review`}>{t("dashboard.reviewQueue")}</Link> : null}
      </p>

      <section aria-labelledby="drafts-title" className={styles.section}>
        <h2 id="drafts-title">{t("dashboard.drafts")}</h2>
        <Pagination locale={locale} base={base} list={drafts} label={t("paging.draftPages")} />
        {drafts.rows.length === 0 ? (
          <p className="muted">{t("dashboard.noDrafts")}</p>
        ) : (
          <div className="table-scroll">
            <table className="data-table" data-testid="drafts-table">
              <thead>
                <tr>
                  <th scope="col">{t("columns.indicator")}</th>
                  <th scope="col">{t("columns.figure")}</th>
                  <th scope="col">{t("columns.asOf")}</th>
                  <th scope="col">{t("columns.producer")}</th>
                  <th scope="col">{t("columns.author")}</th>
                  <th scope="col">{t("columns.kind")}</th>
                  <th scope="col">{t("columns.updated")}</th>
                  <th scope="col">{t("columns.actions")}</th>
                </tr>
              </thead>
              <tbody>
                {drafts.rows.map((draft) => (
                  <tr key={draft.id} data-observation={draft.id}>
                    <td>{localized(draft.indicator, "name", locale)}</td>
                    <td className="number">{formatFigure(draft, locale)}</td>
                    <td>{formatAsOf(draft.asOf, draft.datePrecision, locale)}</td>
                    <td>{draft.producerName}</td>
                    <td>{draft.authorName ?? "—"}</td>
                    <td>{draft.isCorrection ? t("dashboard.correctionKind") : t("dashboard.newKind")}</td>
                    <td>{formatMoment(draft.updatedAt, locale)}</td>
                    <td>{openLink(draft)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="recent-title" className={styles.section}>
        <h2 id="recent-title">{t("dashboard.recent")}</h2>
        {recent.length === 0 ? (
          <p className="muted">{t("dashboard.noRecent")}</p>
        ) : (
          <div className="table-scroll">
            <table className="data-table" data-testid="recent-table">
              <thead>
                <tr>
                  <th scope="col">{t("columns.indicator")}</th>
                  <th scope="col">{t("columns.figure")}</th>
                  <th scope="col">{t("columns.asOf")}</th>
                  <th scope="col">{t("columns.producer")}</th>
                  <th scope="col">{t("columns.updated")}</th>
                  <th scope="col">{t("columns.actions")}</th>
                </tr>
              </thead>
              <tbody>
                {recent.map((figure) => (
                  <tr key={figure.id} data-observation={figure.id}>
                    <td>{localized(figure.indicator, "name", locale)}</td>
                    <td className="number">{formatFigure(figure, locale)}</td>
                    <td>{formatAsOf(figure.asOf, figure.datePrecision, locale)}</td>
                    <td>{figure.producerName}</td>
                    <td>{formatMoment(figure.updatedAt, locale)}</td>
                    <td>{openLink(figure)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
