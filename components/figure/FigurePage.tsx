import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { formatAsOf, formatFigure, producerTypeLabel } from "@/lib/i18n/format";
import { localized, localizedOrOther } from "@/lib/i18n/localized";
import { getPathname } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";
import type { PublicFigureChange } from "@/lib/changes/public-change-shapes";
import type { PublicFigure } from "@/lib/observations/public-figure";
import { InLanguage, Quoted } from "@/components/text/Quoted";
import { SourceLink } from "@/components/sources/SourceLink";
import { getSourceLinkWords } from "@/components/sources/source-link-text";
import { StaffEditLink } from "@/components/indicator/StaffEditLink";
import { staffEditProps } from "@/components/indicator/staff-edit-props";
import { FigureHistory } from "./FigureHistory";
import { ReportProblemForm } from "./ReportProblemForm";
import { getReportFormText } from "./report-form-text";
import styles from "./figure.module.css";

type Props = { figure: PublicFigure; history: PublicFigureChange[]; pageUrl: string; locale: Locale };

/**
 * One figure with everything needed to cite it: the value as hedged, who produced it, the source with
 * its class and link health, the three dates, the note, any retraction, its history, a citation and a
 * form to report a problem. Plain HTML: it reads the same without JavaScript and on a phone.
 */
export async function FigurePage({ figure, history, pageUrl, locale }: Props) {
  const [t, sourceWords, formText, editLink] = await Promise.all([
    getTranslations({ locale, namespace: "sourceTrust.figurePage" }),
    getSourceLinkWords(locale),
    getReportFormText(locale),
    staffEditProps(locale),
  ]);
  const indicatorName = localized(figure.indicator, "name", locale);
  const value = formatFigure(figure, locale);
  const period = formatAsOf(figure.asOf, figure.datePrecision, locale);
  const type = producerTypeLabel(figure.producer.type, locale);
  const note = localizedOrOther(figure, "note", locale);
  const day = (isoDay: string) => formatAsOf(isoDay, "day", locale);
  const indicatorHref = getPathname({ href: `/indicators/${figure.indicator.slug}`, locale });
  return (
    <article
      className={`${styles.page} ${figure.retraction ? styles.retracted : ""}`}
      data-figure-page={figure.id}
      data-status={figure.status}
    >
      <header>
        <p className={styles.kicker}>
          <Link href={indicatorHref}>{t("kicker", { indicator: indicatorName })}</Link>
        </p>
        <h1 className={styles.value}>
          {value}
          <StaffEditLink {...editLink(figure)} />
        </h1>
        <p className="lede">{t("lede", { period, producer: figure.producer.name, type })}</p>
      </header>

      {figure.retraction ? (
        <section className={styles.notice} aria-labelledby="figure-retracted" data-retracted="">
          <h2 id="figure-retracted">{t("retractedHeading")}</h2>
          {figure.retraction.at ? <p>{t("retractedOn", { date: day(figure.retraction.at.slice(0, 10)) })}</p> : null}
          <p>
            <strong>{t("retractedReason")}:</strong> {figure.retraction.reason ?? t("retractedNoReason")}
          </p>
        </section>
      ) : null}

      <section className={styles.section} aria-labelledby="figure-facts">
        <h2 id="figure-facts">{t("factsHeading")}</h2>
        <dl className={styles.facts}>
          <dt>{t("indicator")}</dt>
          <dd>
            <Link href={indicatorHref}>{indicatorName}</Link>
          </dd>
          <dt>{t("figure")}</dt>
          <dd data-figure-value="">{value}</dd>
          <dt>{t("producer")}</dt>
          <dd>
            <Quoted>{figure.producer.name}</Quoted>
          </dd>
          <dt>{t("producerType")}</dt>
          <dd>{type}</dd>
          <dt>{t("source")}</dt>
          <dd>
            <SourceLink source={figure.source} text={sourceWords.text} formatDay={sourceWords.formatDay}>
              {figure.attribution}
            </SourceLink>
          </dd>
          <dt>{t("publisher")}</dt>
          <dd>
            {figure.source.publisher ? <Quoted>{figure.source.publisher}</Quoted> : <span className="muted">{t("noPublisher")}</span>}
          </dd>
          {note ? (
            <>
              <dt>{t("note")}</dt>
              <dd>
                <InLanguage text={note} locale={locale} />
              </dd>
            </>
          ) : null}
        </dl>
      </section>

      <section className={styles.section} aria-labelledby="figure-dates">
        <h2 id="figure-dates">{t("datesHeading")}</h2>
        <p className="muted">{t("datesIntro")}</p>
        <dl className={styles.facts}>
          <dt>{t("asOf")}</dt>
          <dd data-date="as-of">
            <time dateTime={figure.asOf}>{period}</time>{" "}
            <span className="muted">({t("precision", { precision: figure.datePrecision })})</span>
          </dd>
          <dt>{t("published")}</dt>
          <dd data-date="published">
            {figure.source.publishedAt ? (
              <time dateTime={figure.source.publishedAt}>{day(figure.source.publishedAt)}</time>
            ) : (
              <span className="muted">{t("publishedNotGiven")}</span>
            )}
          </dd>
          <dt>{t("retrieved")}</dt>
          <dd data-date="retrieved">
            {figure.source.retrievedAt ? (
              <time dateTime={figure.source.retrievedAt}>{day(figure.source.retrievedAt)}</time>
            ) : (
              <span className="muted">{t("retrievedNotRecorded")}</span>
            )}
          </dd>
        </dl>
      </section>

      <FigureHistory changes={history} locale={locale} />

      <section className={styles.section} aria-labelledby="figure-cite">
        <h2 id="figure-cite">{t("citeHeading")}</h2>
        <p className={styles.citation} data-testid="figure-citation">
          {t("citation", {
            producer: figure.producer.name,
            indicator: indicatorName,
            figure: value,
            period,
            url: pageUrl,
            date: day(new Date().toISOString().slice(0, 10)),
          })}
        </p>
      </section>

      <section className={styles.section} aria-labelledby="figure-report">
        <h2 id="figure-report">{t("reportHeading")}</h2>
        <p>{t("reportIntro")}</p>
        <ReportProblemForm observationId={figure.id} locale={locale} text={formText} />
      </section>

      <p>
        <Link href={indicatorHref}>{t("backToIndicator", { indicator: indicatorName })}</Link>
      </p>
    </article>
  );
}
