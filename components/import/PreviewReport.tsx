"use client";

import { useLocale, useTranslations } from "next-intl";
import type { ImportSummary } from "./api";
import styles from "./import.module.css";
import { ConflictTable } from "./ConflictTable";
import { ProblemTable } from "./ProblemTable";
import { SampleTable } from "./SampleTable";

type Props = { summary: ImportSummary };

/**
 * What a check found: the totals, problems per column, the first problems by row, the first rows
 * that differ from stored figures (beside them), and the first new figures.
 */
export function PreviewReport({ summary }: Props) {
  const t = useTranslations("import.ui.preview");
  const locale = useLocale();
  const number = new Intl.NumberFormat(locale);
  const conflictsT = useTranslations("importResults.preview");
  const conflicting = summary.conflicts.total > 0;
  const totals = [
    { label: t("rows"), value: summary.totalRows, alert: false },
    { label: t("valid"), value: summary.valid, alert: false },
    ...(conflicting
      ? [
          { label: conflictsT("corrections"), value: summary.corrections, alert: false },
          { label: conflictsT("setAside"), value: summary.conflicts.setAside, alert: summary.conflicts.setAside > 0 },
        ]
      : []),
    { label: t("duplicates"), value: summary.duplicates, alert: false },
    { label: t("problems"), value: summary.errorCount, alert: summary.errorCount > 0 },
    { label: t("invalidRows"), value: summary.invalidRows, alert: summary.invalidRows > 0 },
  ];
  return (
    <>
      <h3 id="import-totals">{t("totals")}</h3>
      <dl className={styles.totals} aria-labelledby="import-totals" data-testid="import-totals">
        {totals.map((total) => (
          <div key={total.label} data-alert={total.alert}>
            <dt>{total.label}</dt>
            <dd>{number.format(total.value)}</dd>
          </div>
        ))}
      </dl>
      {summary.errors.length > 0 ? (
        <>
          <h3>{t("problemsTitle")}</h3>
          {summary.errorCount > summary.errors.length ? (
            <p className={styles.error} data-testid="import-problems-truncated">
              {t("truncated", { shown: summary.errors.length, total: summary.errorCount })}
            </p>
          ) : null}
          <h4 id="import-problems-by-column">{t("byColumnTitle")}</h4>
          <ul aria-labelledby="import-problems-by-column" data-testid="import-problems-by-column">
            {summary.problemsByColumn.map(({ column, count }) => (
              <li key={column}>
                {column}: {t("problemsCount", { count })}
              </li>
            ))}
          </ul>
          <ProblemTable errors={summary.errors} />
        </>
      ) : null}
      {conflicting ? <ConflictTable conflicts={summary.conflicts} /> : null}
      {summary.sample.length > 0 ? (
        <>
          <h3>{t("sampleTitle")}</h3>
          <SampleTable sample={summary.sample} />
        </>
      ) : null}
    </>
  );
}
