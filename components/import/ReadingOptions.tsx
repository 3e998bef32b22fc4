"use client";

import { useTranslations } from "next-intl";
import {
  DATE_FORMATS,
  DELIMITERS,
  NUMBER_FORMATS,
  ROW_FILTER_LIMIT,
  type DateFormat,
  type Delimiter,
  type NumberFormat,
  type RowFilter,
} from "@/lib/csv-import/fields";
import { unusedDelimiterIn } from "@/lib/csv-import/detect-format";
import styles from "./import.module.css";
import type { CsvFile } from "./read-csv";

/** The message keys of each delimiter (a tab cannot name a key). */
export const DELIMITER_KEYS: Record<Delimiter, "comma" | "semicolon" | "tab"> = { ",": "comma", ";": "semicolon", "\t": "tab" };

type Props = {
  file: CsvFile;
  numberFormat: NumberFormat;
  /** The column the number format was seen in, or null when it follows the page's language. */
  numberSeenIn: string | null;
  /** A value cell the other number format would read as another number, and what this one makes of it. */
  ambiguous: { cell: string; reading: string } | null;
  dateFormat: DateFormat;
  filters: RowFilter[];
  /** Rows the filters leave out. */
  skipped: number;
  onDelimiter: (delimiter: Delimiter) => void;
  onNumberFormat: (format: NumberFormat) => void;
  onDateFormat: (format: DateFormat) => void;
  onFilters: (filters: RowFilter[]) => void;
};

/** What was detected in the file (encoding, delimiter, number format) and the formats to read it with, each changeable. */
export function ReadingOptions({
  file,
  numberFormat,
  numberSeenIn,
  ambiguous,
  dateFormat,
  filters,
  skipped,
  onDelimiter,
  onNumberFormat,
  onDateFormat,
  onFilters,
}: Props) {
  const t = useTranslations("import.ui.reading");
  const misread = unusedDelimiterIn(file.columns);
  const columns = [...new Set(file.columns.filter((column) => column !== ""))];
  const changeFilter = (index: number, change: Partial<RowFilter>) =>
    onFilters(filters.map((filter, position) => (position === index ? { ...filter, ...change } : filter)));

  return (
    <section aria-labelledby="import-reading-title" data-testid="import-reading">
      <h3 id="import-reading-title">{t("title")}</h3>
      <p data-testid="import-encoding">{t("encoding", { encoding: t(`encodings.${file.encoding}`) })}</p>
      <div className={styles.reading}>
        <div className={styles.field}>
          <label htmlFor="import-delimiter">{t("delimiter")}</label>
          <select
            id="import-delimiter"
            value={DELIMITER_KEYS[file.delimiter]}
            aria-describedby="import-delimiter-hint"
            onChange={(event) =>
              onDelimiter(DELIMITERS.find((delimiter) => DELIMITER_KEYS[delimiter] === event.currentTarget.value) ?? ",")
            }
          >
            {DELIMITERS.map((delimiter) => (
              <option key={DELIMITER_KEYS[delimiter]} value={DELIMITER_KEYS[delimiter]}>
                {t(`delimiters.${DELIMITER_KEYS[delimiter]}`)}
              </option>
            ))}
          </select>
          <p id="import-delimiter-hint" className={styles.hint}>
            {t("delimiterDetected", { delimiter: t(`delimiters.${DELIMITER_KEYS[file.detectedDelimiter]}`) })}
          </p>
        </div>
        <div className={styles.field}>
          <label htmlFor="import-number-format">{t("numberFormat")}</label>
          <select
            id="import-number-format"
            value={numberFormat}
            aria-describedby="import-number-format-hint"
            onChange={(event) => onNumberFormat(event.currentTarget.value as NumberFormat)}
          >
            {NUMBER_FORMATS.map((format) => (
              <option key={format} value={format}>
                {t(`numberFormats.${format}`)}
              </option>
            ))}
          </select>
          <p id="import-number-format-hint" className={styles.hint}>
            {numberSeenIn === null ? t("numberFromLanguage") : t("numberFromFile", { column: numberSeenIn })}
          </p>
          {ambiguous ? (
            <p className={styles.hint} data-testid="import-number-ambiguous">
              {t("numberAmbiguous", ambiguous)}
            </p>
          ) : null}
        </div>
        <div className={styles.field}>
          <label htmlFor="import-date-format">{t("dateFormat")}</label>
          <select
            id="import-date-format"
            value={dateFormat}
            aria-describedby="import-date-format-hint"
            onChange={(event) => onDateFormat(event.currentTarget.value as DateFormat)}
          >
            {DATE_FORMATS.map((format) => (
              <option key={format} value={format}>
                {t(`dateFormats.${format}`)}
              </option>
            ))}
          </select>
          <p id="import-date-format-hint" className={styles.hint}>
            {t("dateHint")}
          </p>
        </div>
      </div>
      {misread ? (
        <p className={styles.error} role="alert" data-testid="import-one-column">
          {t("oneColumn", { delimiter: t(`delimiters.${DELIMITER_KEYS[misread]}`) })}
        </p>
      ) : null}

      <fieldset className={styles.filters}>
        <legend>{t("filterTitle")}</legend>
        <p className={styles.hint}>{t("filterIntro")}</p>
        {filters.map((filter, index) => (
          <div key={index} className={styles.filter}>
            <select
              aria-label={t("filterColumn", { number: index + 1 })}
              value={filter.column}
              onChange={(event) => changeFilter(index, { column: event.currentTarget.value })}
            >
              <option value="">—</option>
              {columns.map((column) => (
                <option key={column} value={column}>
                  {column}
                </option>
              ))}
            </select>
            <span>{t("filterIs")}</span>
            <input
              type="text"
              aria-label={t("filterEquals", { number: index + 1 })}
              value={filter.equals}
              maxLength={500}
              onChange={(event) => changeFilter(index, { equals: event.currentTarget.value })}
            />
            <button type="button" onClick={() => onFilters(filters.filter((_, position) => position !== index))}>
              {t("filterRemove", { number: index + 1 })}
            </button>
          </div>
        ))}
        {filters.length < ROW_FILTER_LIMIT ? (
          <p>
            <button type="button" onClick={() => onFilters([...filters, { column: "", equals: "" }])}>
              {t("filterAdd")}
            </button>
          </p>
        ) : null}
        <p className={styles.hint} data-testid="import-filter-effect">
          {filters.some((filter) => filter.column) ? t("filterSkips", { skipped, rows: file.rows.length }) : t("filterNone")}
        </p>
      </fieldset>
    </section>
  );
}
