"use client";

import { useTranslations } from "next-intl";
import { ApiError } from "@/lib/client/api";
import { Link } from "@/lib/i18n/editor-navigation";
import type { ImportResult, ImportSummary, UploadProgress } from "./api";
import styles from "./import.module.css";
import results from "./results.module.css";
import type { CsvFile } from "./read-csv";
import { RejectedRowsDownload } from "./RejectedRowsDownload";

export type ImportMode = "all_or_nothing" | "valid_rows";

type Props = {
  summary: ImportSummary | null;
  progress: UploadProgress | null;
  result: ImportResult | null;
  error: string | null;
  /** The failed import itself: refusals of this step's own are worded here (importResults.errors). */
  failure?: unknown;
  file: CsvFile;
  onImport: (mode: ImportMode) => void;
};

/**
 * The two ways to import once a check ran: everything (only when no row has a problem), or only
 * the valid rows with the others set aside; the progress, the outcome and the rows set aside.
 */
export function ImportAction({ summary, progress, result, error, failure, file, onImport }: Props) {
  const t = useTranslations("importResults.import");
  const errorsT = useTranslations("importResults.errors");
  const shownError =
    failure instanceof ApiError && failure.code === "import_correction_already_pending"
      ? errorsT("import_correction_already_pending")
      : error;
  const importable = summary ? summary.valid + summary.corrections : 0;
  // A header that lacks a mapped column leaves no row readable: nothing to import either way.
  const headerProblem = summary?.errors.some((problem) => problem.row === 1) ?? false;
  const blocked = !summary ? null : importable < 1 ? t("nothingNew") : summary.errorCount > 0 ? t("fixFirst") : null;
  const offerValidRows = summary !== null && summary.invalidRows > 0 && importable > 0 && !headerProblem;
  const percent = progress?.phase === "uploading" ? Math.round(progress.fraction * 100) : null;
  return (
    <>
      {summary ? (
        <div className={results.choices}>
          <div className={styles.actions}>
            <button
              type="button"
              className={styles.primary}
              disabled={blocked !== null || progress !== null}
              aria-describedby="import-all-hint"
              onClick={() => onImport("all_or_nothing")}
            >
              {t("all", { count: importable })}
            </button>
            <p id="import-all-hint" className={styles.hint}>
              {blocked ?? t("allHint")}
            </p>
          </div>
          {offerValidRows ? (
            <div className={styles.actions}>
              <button
                type="button"
                className={styles.primary}
                disabled={progress !== null}
                aria-describedby="import-valid-rows-hint"
                onClick={() => onImport("valid_rows")}
              >
                {t("validRows", { count: importable })}
              </button>
              <p id="import-valid-rows-hint" className={styles.hint}>
                {t("validRowsHint", { rejected: summary.invalidRows })}
              </p>
            </div>
          ) : null}
        </div>
      ) : null}
      {progress ? (
        <div className={styles.progress} data-phase={progress.phase}>
          <label htmlFor="import-progress">{percent === null ? t("processing") : t("uploading", { percent })}</label>
          {/* Keyed by phase: a <progress> without a value is indeterminate, while the server works. */}
          {percent === null ? (
            <progress key="processing" id="import-progress" />
          ) : (
            <progress key="uploading" id="import-progress" max={100} value={percent} />
          )}
        </div>
      ) : null}
      <div role="status" aria-live="polite" className={styles.status} data-testid="import-outcome">
        {result ? (
          <>
            <p>
              {t("outcome", {
                created: t("created", { count: result.created }),
                corrections: t("corrections", { count: result.corrections }),
                skipped: t("skipped", { count: result.duplicates }),
                rejected: t("rejected", { count: result.rejected }),
              })}
            </p>
            {result.batchId ? (
              <p>
                <Link href={{ pathname: "/editor/review", query: { batch: result.batchId } }}>{t("toReview")}</Link>
              </p>
            ) : null}
          </>
        ) : null}
        {shownError ? <p className={styles.error}>{shownError}</p> : null}
      </div>
      {result && result.rejectedRows.length > 0 ? <RejectedRowsDownload file={file} result={result} /> : null}
    </>
  );
}
