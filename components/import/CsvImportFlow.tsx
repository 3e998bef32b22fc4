"use client";

import { useMutation } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { ambiguousNumber, guessDateFormat, guessNumberFormat, unusedDelimiterIn } from "@/lib/csv-import/detect-format";
import {
  guessMapping,
  guessRowFilters,
  IMPORT_FIELDS,
  IMPORT_FILE_LIMIT_BYTES,
  unsatisfiedFields,
  type ColumnMapping,
  type DateFormat,
  type Delimiter,
  type FixedValues,
  type ImportField,
  type NumberFormat,
  type RowFilter,
} from "@/lib/csv-import/fields";
import { commitImport, previewImport, refusedSummary, type ImportRequest, type UploadProgress } from "./api";
import { errorText } from "./error-text";
import { FilePicker } from "./FilePicker";
import { ImportAction } from "./ImportAction";
import styles from "./import.module.css";
import { MappingForm, type FieldSource } from "./MappingForm";
import { PreviewReport } from "./PreviewReport";
import { decodeCsvBytes, readCsv, type CsvFile } from "./read-csv";
import { DELIMITER_KEYS, ReadingOptions } from "./ReadingOptions";

// Cells a format guess looks at: the first rows say as much as the whole file.
const GUESS_ROWS = 500;

/** The cells of a column in the first rows, for guessing its format. */
function firstCells(file: CsvFile, column: string | null | undefined): string[] {
  const position = column ? file.columns.indexOf(column) : -1;
  return position < 0 ? [] : file.rows.slice(0, GUESS_ROWS).map((row) => row[position] ?? "");
}

/** Rows the filters leave out, by the server's rule (cells compared trimmed, case aside); filters naming no column are ignored. */
function countSkipped(file: CsvFile, filters: RowFilter[]): number {
  const tests = filters
    .filter((filter) => filter.column)
    .map(({ column, equals }) => ({ position: file.columns.indexOf(column), equals: equals.trim().toLowerCase() }));
  if (!tests.length) return 0;
  return file.rows.filter((row) => !tests.every(({ position, equals }) => (row[position] ?? "").trim().toLowerCase() === equals)).length;
}

/** Choose a file, say how to read it and where each field comes from, check it (writes nothing), then import it as drafts. */
export function CsvImportFlow() {
  const t = useTranslations("import.ui");
  const errors = useTranslations("import.ui.errors");
  // The page's language sets the formats a file is read with until the file shows otherwise.
  const spanish = useLocale() === "es";
  const [file, setFile] = useState<CsvFile | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [sources, setSources] = useState<Partial<Record<ImportField, FieldSource>>>({});
  const [fixed, setFixed] = useState<FixedValues>({});
  const [numberFormat, setNumberFormat] = useState<NumberFormat>(spanish ? "decimal_comma" : "decimal_point");
  const [numberSeenIn, setNumberSeenIn] = useState<string | null>(null);
  const [dateFormat, setDateFormat] = useState<DateFormat>(spanish ? "dmy" : "iso");
  const [filters, setFilters] = useState<RowFilter[]>([]);
  const [missing, setMissing] = useState<ImportField[]>([]);
  const [progress, setProgress] = useState<UploadProgress | null>(null);

  const check = useMutation({ mutationFn: previewImport });
  const importer = useMutation({
    mutationFn: (body: ImportRequest) => commitImport(body, setProgress),
    onMutate: () => setProgress({ phase: "uploading", fraction: 0 }),
    onSettled: () => setProgress(null),
    // The check is out of date once the rows are stored; checking again shows them as duplicates.
    onSuccess: () => check.reset(),
  });
  const busy = reading || check.isPending || importer.isPending;

  function forgetResults() {
    check.reset();
    importer.reset();
  }

  /** Takes a freshly read file: its columns mapped as their names say, its formats guessed from its cells. */
  function takeFile(csv: CsvFile) {
    const guessed = guessMapping(csv.columns);
    const numbers = guessNumberFormat(firstCells(csv, guessed.value));
    setFile(csv);
    setMapping(guessed);
    setNumberFormat(numbers ?? (spanish ? "decimal_comma" : "decimal_point"));
    setNumberSeenIn(numbers ? guessed.value! : null);
    setDateFormat(guessDateFormat(firstCells(csv, guessed.asOf)) ?? (spanish ? "dmy" : "iso"));
    setFilters(guessRowFilters(csv.columns));
  }

  async function chooseFile(chosen: File | null) {
    forgetResults();
    setFile(null);
    setFileError(null);
    setMissing([]);
    setSources({});
    setFixed({});
    if (!chosen) return;
    // The server would refuse it (413) after the whole upload; say so before reading it at all.
    if (chosen.size > IMPORT_FILE_LIMIT_BYTES)
      return setFileError(t("file.tooLarge", { size: Math.round((chosen.size / 1024 / 1024) * 10) / 10 }));
    setReading(true);
    try {
      const { text, encoding } = decodeCsvBytes(new Uint8Array(await chosen.arrayBuffer()));
      const csv = readCsv(chosen.name, text, encoding);
      if (csv.columns.length === 0) return setFileError(t("file.noHeader"));
      takeFile(csv);
    } catch (error) {
      setFileError(t("file.unreadable", { reason: (error as Error).message }));
    } finally {
      setReading(false);
    }
  }

  function changeDelimiter(delimiter: Delimiter) {
    if (!file) return;
    forgetResults();
    setFileError(null);
    try {
      takeFile(readCsv(file.name, file.text, file.encoding, delimiter));
    } catch (error) {
      setFileError(t("file.unreadable", { reason: (error as Error).message }));
    }
  }

  function changed<Value>(set: (value: Value) => void) {
    return (value: Value) => {
      forgetResults();
      set(value);
    };
  }

  /** The request both the check and the import send: a field in "fixed" mode sends its value and no column. */
  function requestBody(csv: CsvFile): ImportRequest {
    const isFixed = (field: ImportField) => sources[field] === "fixed";
    return {
      csv: csv.text,
      mapping: Object.fromEntries(IMPORT_FIELDS.map((field) => [field, isFixed(field) ? null : (mapping[field] ?? null)])),
      fixed: Object.fromEntries(
        IMPORT_FIELDS.filter((field) => isFixed(field) && fixed[field]?.trim()).map((field) => [field, fixed[field]!.trim()]),
      ),
      options: { delimiter: csv.delimiter, numberFormat, dateFormat, onlyWhere: filters.filter((filter) => filter.column) },
      fileName: csv.name,
    };
  }

  function checkFile(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!file) return;
    const body = requestBody(file);
    const unsatisfied = unsatisfiedFields(body.mapping, body.fixed);
    setMissing(unsatisfied);
    if (unsatisfied.length) return forgetResults();
    importer.reset();
    check.mutate(body);
  }

  const stillMissing = missing.filter((field) => !(sources[field] === "fixed" ? fixed[field]?.trim() : mapping[field]));
  const refused = refusedSummary(importer.error);
  const summary = refused ?? check.data ?? null;
  const importError = !importer.error
    ? null
    : refused
      ? t("import.refused", { message: importer.error.message })
      : errorText(importer.error, errors);
  const skipped = file ? countSkipped(file, filters) : 0;
  // A semicolon or tab file read with the wrong separator is one column: said again where the check fails.
  const misread = file ? unusedDelimiterIn(file.columns) : null;
  // What the last check read the file with, said in words beside its totals.
  const checked = check.variables?.options;
  const readAs =
    file && checked?.delimiter && checked.numberFormat && checked.dateFormat
      ? t("reading.summary", {
          encoding: t(`reading.encodings.${file.encoding}`),
          delimiter: t(`reading.delimiters.${DELIMITER_KEYS[checked.delimiter]}`),
          number: t(`reading.numberFormats.${checked.numberFormat}`),
          date: t(`reading.dateFormats.${checked.dateFormat}`),
        })
      : null;

  return (
    <>
      <section aria-labelledby="import-step-file" className={styles.step}>
        <h2 id="import-step-file">{t("steps.file")}</h2>
        <FilePicker file={file} reading={reading} error={fileError} disabled={busy} onChoose={chooseFile} />
        {file ? (
          <fieldset disabled={busy} className={styles.fieldset}>
            <legend className="visually-hidden">{t("reading.title")}</legend>
            <ReadingOptions
              file={file}
              numberFormat={numberFormat}
              numberSeenIn={numberSeenIn}
              ambiguous={ambiguousNumber(firstCells(file, mapping.value), numberFormat)}
              dateFormat={dateFormat}
              filters={filters}
              skipped={skipped}
              onDelimiter={changeDelimiter}
              onNumberFormat={changed(setNumberFormat)}
              onDateFormat={changed(setDateFormat)}
              onFilters={changed(setFilters)}
            />
          </fieldset>
        ) : null}
      </section>

      {file ? (
        <form onSubmit={checkFile} noValidate>
          <section aria-labelledby="import-step-mapping" className={styles.step}>
            <h2 id="import-step-mapping">{t("steps.mapping")}</h2>
            <fieldset disabled={busy} className={styles.fieldset}>
              <legend className="visually-hidden">{t("steps.mapping")}</legend>
              <MappingForm
                columns={file.columns}
                mapping={mapping}
                sources={sources}
                fixed={fixed}
                dateFormat={dateFormat}
                missing={stillMissing}
                onColumn={(field, column) => changed(setMapping)({ ...mapping, [field]: column })}
                onSource={(field, source) => changed(setSources)({ ...sources, [field]: source })}
                onFixed={(field, value) => changed(setFixed)({ ...fixed, [field]: value })}
              />
            </fieldset>
          </section>

          <section aria-labelledby="import-step-check" className={styles.step}>
            <h2 id="import-step-check">{t("steps.check")}</h2>
            <div className={styles.actions}>
              <button type="submit" className={styles.primary} disabled={busy} aria-describedby="import-check-hint">
                {check.isPending ? t("check.checking") : t("check.button")}
              </button>
              <p id="import-check-hint" className={styles.hint}>
                {t("check.hint")}
              </p>
            </div>
            <div role="status" aria-live="polite" className={styles.status} data-testid="import-check-status">
              {stillMissing.length > 0 && misread ? (
                <p className={styles.error}>{t("reading.oneColumn", { delimiter: t(`reading.delimiters.${DELIMITER_KEYS[misread]}`) })}</p>
              ) : null}
              {stillMissing.length > 0 ? <p className={styles.error}>{t("mapping.missing", { fields: stillMissing.join(", ") })}</p> : null}
              {check.error ? <p className={styles.error}>{errorText(check.error, errors)}</p> : null}
              {summary ? (
                <p>
                  {t("check.announce", {
                    rows: t("preview.rowsCount", { count: summary.totalRows }),
                    valid: t("preview.validCount", { count: summary.valid }),
                    duplicates: t("preview.duplicatesCount", { count: summary.duplicates }),
                    problems: t("preview.problemsCount", { count: summary.errorCount }),
                  })}
                </p>
              ) : null}
            </div>
            {summary && readAs ? (
              <p className={styles.hint} data-testid="import-read-as">
                {readAs} {summary.skipped > 0 ? t("reading.filterSkips", { skipped: summary.skipped, rows: summary.totalRows }) : null}
              </p>
            ) : null}
            {summary ? <PreviewReport key={refused ? importer.submittedAt : check.submittedAt} summary={summary} /> : null}
          </section>
        </form>
      ) : null}

      {file ? (
        <section aria-labelledby="import-step-import" className={styles.step}>
          <h2 id="import-step-import">{t("steps.import")}</h2>
          <ImportAction
            summary={summary}
            progress={progress}
            result={importer.data ?? null}
            error={importError}
            failure={importer.error}
            file={file}
            onImport={(mode) => importer.mutate({ ...requestBody(file), mode })}
          />
        </section>
      ) : null}
    </>
  );
}
