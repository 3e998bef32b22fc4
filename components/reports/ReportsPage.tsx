import { getTranslations } from "next-intl/server";
import { formatAsOf, formatFigure } from "@/lib/i18n/format";
import { getPathname } from "@/lib/i18n/navigation";
import { Link } from "@/lib/i18n/editor-navigation";
import type { Locale } from "@/lib/i18n/routing";
import type { Paged } from "@/lib/paging";
import type { ProblemReportEntry } from "@/lib/reports/list-reports";
import { figurePagePath } from "@/lib/reports/report-paths";
import { REPORT_FILTERS, type ReportFilter } from "@/lib/schemas/problem-report";
import { Pagination } from "@/components/editor/Pagination";
import { Quoted } from "@/components/text/Quoted";
import { CloseReportForm } from "./CloseReportForm";
import styles from "./reports.module.css";

const BASE = "/editor/reports";

type Props = { locale: Locale; filter: ReportFilter; reports: Paged<ProblemReportEntry> };

/** Readers' reports for staff, open ones first: the figure, what the reader said, and how each was closed. */
export async function ReportsPage({ locale, filter, reports }: Props) {
  const t = await getTranslations({ locale, namespace: "reports.staff" });
  const day = (iso: string) => formatAsOf(iso.slice(0, 10), "day", locale);
  const query: Record<string, string> = filter === "open" ? {} : { status: filter };
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lede">{t("intro")}</p>
      <nav aria-label={t("filterLabel")}>
        <ul className={styles.filters}>
          {REPORT_FILTERS.map((option) => (
            <li key={option}>
              <Link
                href={option === "open" ? BASE : { pathname: BASE, query: { status: option } }}
                aria-current={option === filter ? "page" : undefined}
              >
                {t(`filters.${option}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <p className="muted" data-testid="report-count">
        {reports.totalIsCapped ? t("countMore", { count: reports.total }) : t("count", { count: reports.total })}
      </p>
      <Pagination locale={locale} base={BASE} list={reports} label={t("pages")} query={query} />
      {reports.rows.length === 0 ? (
        <p className="muted">{t("empty")}</p>
      ) : (
        <ol className={styles.list} role="list">
          {reports.rows.map((report) => (
            <ReportItem key={report.id} report={report} locale={locale} t={t} day={day} />
          ))}
        </ol>
      )}
      <Pagination locale={locale} base={BASE} list={reports} label={t("pages")} query={query} />
    </>
  );
}

type Translate = Awaited<ReturnType<typeof getTranslations<"reports.staff">>>;

function ReportItem({
  report,
  locale,
  t,
  day,
}: {
  report: ProblemReportEntry;
  locale: Locale;
  t: Translate;
  day: (iso: string) => string;
}) {
  const figure = report.figure;
  const figureLine = t("figureLine", {
    figure: formatFigure(figure, locale),
    period: formatAsOf(figure.asOf, figure.datePrecision, locale),
    producer: figure.producerName,
  });
  const indicatorName = locale === "es" ? figure.indicator.nameEs : figure.indicator.nameEn;
  return (
    <li className={styles.report} data-report={report.id} data-status={report.status}>
      <h2>
        {indicatorName}: {figureLine} {t("figureStatus", { status: figure.status })}
      </h2>
      <p className="muted">
        {t(`status.${report.status}`)} · <time dateTime={report.createdAt}>{t("received", { date: day(report.createdAt) })}</time>
      </p>
      <p className={styles.links}>
        <a href={figurePagePath(locale, figure.id)}>{t("publicPage")}</a>
        <a href={getPathname({ href: `/editor/observations/${figure.id}`, locale })}>{t("editorPage")}</a>
      </p>
      <dl className={styles.fields}>
        <dt>{t("message")}</dt>
        <dd data-report-message="">
          <Quoted>{report.message}</Quoted>
        </dd>
        {report.sourceUrl ? (
          <>
            <dt>{t("sourceUrl")}</dt>
            <dd>
              <a href={report.sourceUrl} rel="noopener noreferrer nofollow" data-quoted="">
                {report.sourceUrl}
              </a>
            </dd>
          </>
        ) : null}
        <dt>
          {t("email")} <span className="muted">({t("emailPrivate")})</span>
        </dt>
        <dd>{report.email ? <Quoted>{report.email}</Quoted> : <span className="muted">{t("noEmail")}</span>}</dd>
        {report.closed ? (
          <>
            <dt>{t("closeNote")}</dt>
            <dd data-close-note="">
              <Quoted>{report.closed.note}</Quoted>
            </dd>
          </>
        ) : null}
      </dl>
      {report.closed ? (
        <p data-closed-by="">
          {report.closed.by
            ? t("closedBy", { date: day(report.closed.at), name: report.closed.by })
            : t("closedByUnknown", { date: day(report.closed.at) })}
        </p>
      ) : (
        <CloseReportForm id={report.id} />
      )}
    </li>
  );
}
