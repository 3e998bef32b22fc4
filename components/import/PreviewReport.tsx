"use client";

import type { ImportSummary } from "./api";
import { fill, plural } from "./format";
import styles from "./import.module.css";
import type { ImportMessages } from "./messages";
import { ProblemTable } from "./ProblemTable";
import { SampleTable } from "./SampleTable";

type Props = { summary: ImportSummary; messages: { preview: ImportMessages["preview"]; pages: ImportMessages["pages"] }; locale: string };

/** What a check found: the totals, problems per column, the first problems by row, and the first new figures. */
export function PreviewReport({ summary, messages, locale }: Props) {
  const number = new Intl.NumberFormat(locale);
  const totals = [
    { label: messages.preview.rows, value: summary.totalRows, alert: false },
    { label: messages.preview.valid, value: summary.valid, alert: false },
    { label: messages.preview.duplicates, value: summary.duplicates, alert: false },
    { label: messages.preview.problems, value: summary.errorCount, alert: summary.errorCount > 0 },
    { label: messages.preview.invalidRows, value: summary.invalidRows, alert: summary.invalidRows > 0 },
  ];
  return (
    <>
      <h3 id="import-totals">{messages.preview.totals}</h3>
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
          <h3>{messages.preview.problemsTitle}</h3>
          {summary.errorCount > summary.errors.length ? (
            <p className={styles.error} data-testid="import-problems-truncated">
              {fill(messages.preview.truncated, { shown: summary.errors.length, total: summary.errorCount }, locale)}
            </p>
          ) : null}
          <h4 id="import-problems-by-column">{messages.preview.byColumnTitle}</h4>
          <ul aria-labelledby="import-problems-by-column" data-testid="import-problems-by-column">
            {summary.problemsByColumn.map(({ column, count }) => (
              <li key={column}>
                {column}: {plural(messages.preview.problemsCount, count, locale)}
              </li>
            ))}
          </ul>
          <ProblemTable errors={summary.errors} messages={messages} locale={locale} />
        </>
      ) : null}
      {summary.sample.length > 0 ? (
        <>
          <h3>{messages.preview.sampleTitle}</h3>
          <SampleTable sample={summary.sample} messages={messages.preview} locale={locale} />
        </>
      ) : null}
    </>
  );
}
