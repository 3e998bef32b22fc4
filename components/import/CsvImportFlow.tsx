"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { guessMapping, IMPORT_FILE_LIMIT_BYTES, ZColumnMapping, type ColumnMapping, type ImportField } from "@/lib/csv-import/fields";
import { commitImport, previewImport, refusedSummary, type ImportRequest, type UploadProgress } from "./api";
import { errorText } from "./error-text";
import { FilePicker } from "./FilePicker";
import { ImportAction } from "./ImportAction";
import styles from "./import.module.css";
import { MappingForm } from "./MappingForm";
import { PreviewReport } from "./PreviewReport";
import { readCsv, type CsvFile } from "./read-csv";

/** Choose a file, match its columns, check it (writes nothing), then import every row as a draft. */
export function CsvImportFlow() {
  const t = useTranslations("import.ui");
  const errors = useTranslations("import.ui.errors");
  const [file, setFile] = useState<CsvFile | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const [mapping, setMapping] = useState<ColumnMapping>({});
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

  async function chooseFile(chosen: File | null) {
    forgetResults();
    setFile(null);
    setFileError(null);
    setMissing([]);
    if (!chosen) return;
    // The server would refuse it (413) after the whole upload; say so before reading it at all.
    if (chosen.size > IMPORT_FILE_LIMIT_BYTES)
      return setFileError(t("file.tooLarge", { size: Math.round((chosen.size / 1024 / 1024) * 10) / 10 }));
    setReading(true);
    try {
      const csv = readCsv(chosen.name, await chosen.text());
      if (csv.columns.length === 0) return setFileError(t("file.noHeader"));
      setFile(csv);
      setMapping(guessMapping(csv.columns));
    } catch (error) {
      setFileError(t("file.unreadable", { reason: (error as Error).message }));
    } finally {
      setReading(false);
    }
  }

  function changeMapping(field: ImportField, column: string | null) {
    forgetResults();
    setMapping((current) => ({ ...current, [field]: column }));
  }

  function checkFile(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!file) return;
    const parsed = ZColumnMapping.safeParse(mapping);
    if (!parsed.success) {
      forgetResults();
      return setMissing(parsed.error.issues.map((issue) => issue.path[0] as ImportField));
    }
    setMissing([]);
    importer.reset();
    check.mutate({ csv: file.text, mapping });
  }

  const stillMissing = missing.filter((field) => !mapping[field]);
  const refused = refusedSummary(importer.error);
  const summary = refused ?? check.data ?? null;
  const importError = !importer.error
    ? null
    : refused
      ? t("import.refused", { message: importer.error.message })
      : errorText(importer.error, errors);

  return (
    <>
      <section aria-labelledby="import-step-file" className={styles.step}>
        <h2 id="import-step-file">{t("steps.file")}</h2>
        <FilePicker file={file} reading={reading} error={fileError} disabled={busy} onChoose={chooseFile} />
      </section>

      {file ? (
        <form onSubmit={checkFile} noValidate>
          <section aria-labelledby="import-step-mapping" className={styles.step}>
            <h2 id="import-step-mapping">{t("steps.mapping")}</h2>
            <fieldset disabled={busy} className={styles.fieldset}>
              <legend className="visually-hidden">{t("steps.mapping")}</legend>
              <MappingForm columns={file.columns} mapping={mapping} missing={stillMissing} onChange={changeMapping} />
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
            onImport={() => importer.mutate({ csv: file.text, mapping, fileName: file.name })}
          />
        </section>
      ) : null}
    </>
  );
}
