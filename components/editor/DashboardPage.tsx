import { Quoted } from "@/components/text/Quoted";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import type { FigureSummary, MyDraft } from "@/lib/observations/editor-queries";
import type { Paged } from "@/lib/paging";
import { formatAsOf, formatFigure } from "@/lib/i18n/format";
import { Link } from "@/lib/i18n/editor-navigation";
import type { Locale } from "@/lib/i18n/routing";
import { localized } from "@/lib/i18n/localized";
import formStyles from "@/components/forms/forms.module.css";
import styles from "./editor.module.css";
import { getEditorMessages } from "./editor-messages";
import { formatMoment } from "./format-time";
import { Pagination } from "./Pagination";
import review from "./review.module.css";

type Props = {
  locale: Locale;
  /** The drafts this person started, a page at a time. */
  drafts: Paged<MyDraft>;
  /** Drafts a reviewer sent back to this person, with the comment. */
  sentBack: MyDraft[];
  recent: FigureSummary[];
  canReview: boolean;
  /** Drafts waiting in the review queue (counted up to a cap), for a reviewer. */
  waiting: { count: number; capped: boolean } | null;
};

type Column<Row> = { heading: string; cell: (row: Row) => ReactNode; numeric?: boolean };

export async function DashboardPage({ locale, drafts, sentBack, recent, canReview, waiting }: Props) {
  const { t } = await getEditorMessages(locale);
  const tr = await getTranslations({ locale, namespace: "review" });
  const openLink = (figure: FigureSummary) => (
    <Link
      href={`/editor/observations/${figure.id}`}
      aria-label={t("dashboard.openLabel", {
        indicator: localized(figure.indicator, "name", locale),
        figure: formatFigure(figure, locale),
      })}
    >
      {t("dashboard.open")}
    </Link>
  );
  // Both tables show what a figure says and who said it; drafts add their author and kind before the last two columns.
  function figureTable<Row extends FigureSummary>(rows: Row[], testId: string, extra: Column<Row>[] = []) {
    const columns: Column<Row>[] = [
      { heading: t("columns.indicator"), cell: (row) => localized(row.indicator, "name", locale) },
      { heading: t("columns.figure"), cell: (row) => formatFigure(row, locale), numeric: true },
      { heading: t("columns.asOf"), cell: (row) => formatAsOf(row.asOf, row.datePrecision, locale) },
      { heading: t("columns.producer"), cell: (row) => <Quoted>{row.producerName}</Quoted> },
      ...extra,
      { heading: t("columns.updated"), cell: (row) => formatMoment(row.updatedAt, locale) },
      { heading: t("columns.actions"), cell: openLink },
    ];
    return (
      <div className="table-scroll">
        <table className="data-table" data-testid={testId}>
          <thead>
            <tr>
              {columns.map((column) => (
                <th key={column.heading} scope="col">
                  {column.heading}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} data-observation={row.id}>
                {columns.map((column) => (
                  <td key={column.heading} className={column.numeric ? "number" : undefined}>
                    {column.cell(row)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  }
  return (
    <>
      <h1>{t("dashboard.title")}</h1>
      <p className={formStyles.actions}>
        <Link href="/editor/observations/new">{t("dashboard.newFigure")}</Link>
        {canReview && waiting ? (
          <Link href="/editor/review" data-testid="review-queue-link">
            {waiting.capped
              ? tr("dashboard.queueMore", { count: waiting.count.toLocaleString(locale) })
              : tr("dashboard.queue", { count: waiting.count })}
          </Link>
        ) : null}
      </p>

      <section aria-labelledby="sent-back-title" className={styles.section}>
        <h2 id="sent-back-title">{tr("dashboard.sentBack")}</h2>
        {sentBack.length === 0 ? (
          <p className="muted">{tr("dashboard.noSentBack")}</p>
        ) : (
          figureTable(sentBack, "sent-back-table", [
            {
              heading: tr("dashboard.comment"),
              cell: (draft) => (
                <>
                  <span className="muted">
                    {draft.sentBack?.by
                      ? tr("dashboard.sentBackBy", { name: draft.sentBack.by, date: formatMoment(draft.sentBack.at, locale) })
                      : tr("dashboard.sentBackOn", { date: formatMoment(draft.sentBack?.at ?? draft.updatedAt, locale) })}
                  </span>
                  <p className={review.comment} data-quoted>
                    {draft.sentBack?.note}
                  </p>
                </>
              ),
            },
          ])
        )}
      </section>

      <section aria-labelledby="drafts-title" className={styles.section}>
        <h2 id="drafts-title">{tr("dashboard.mine")}</h2>
        <Pagination locale={locale} base="/editor" list={drafts} label={tr("dashboard.minePages")} bounded />
        {drafts.rows.length === 0 ? (
          <p className="muted">{tr("dashboard.noMine")}</p>
        ) : (
          figureTable(drafts.rows, "drafts-table", [
            { heading: t("columns.kind"), cell: (draft) => (draft.isCorrection ? t("dashboard.correctionKind") : t("dashboard.newKind")) },
          ])
        )}
      </section>

      <section aria-labelledby="recent-title" className={styles.section}>
        <h2 id="recent-title">{t("dashboard.recent")}</h2>
        {recent.length === 0 ? <p className="muted">{t("dashboard.noRecent")}</p> : figureTable(recent, "recent-table")}
      </section>
    </>
  );
}
