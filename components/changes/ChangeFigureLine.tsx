import { formatAsOf, formatFigure, producerTypeLabel } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/routing";
import type { ChangeFigure } from "@/lib/changes/public-change-shapes";
import styles from "./changes.module.css";

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}

/** One side of a change: the figure as hedged, its date, who produced it and the document it came from. */
export function ChangeFigureLine({
  label,
  figure,
  sourceLabel,
  locale,
}: {
  label: string;
  figure: ChangeFigure;
  sourceLabel: string;
  locale: Locale;
}) {
  return (
    <>
      <dt className={styles.label}>{label}</dt>
      <dd className={styles.figure}>
        <span className={styles.value}>{formatFigure(figure, locale)}</span> · {formatAsOf(figure.asOf, figure.datePrecision, locale)} ·{" "}
        {figure.producer.name} ({producerTypeLabel(figure.producer.type, locale)}) · {sourceLabel}:{" "}
        <a href={figure.sourceUrl} rel="noopener noreferrer" className="source-link">
          {hostOf(figure.sourceUrl)}
        </a>
      </dd>
    </>
  );
}
