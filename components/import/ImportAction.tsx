"use client";

import Link from "next/link";
import type { ImportResult, ImportSummary, UploadProgress } from "./api";
import { fill, plural } from "./format";
import styles from "./import.module.css";
import type { ImportMessages } from "./messages";

type Props = {
  summary: ImportSummary | null;
  progress: UploadProgress | null;
  result: ImportResult | null;
  error: string | null;
  onImport: () => void;
  messages: ImportMessages["import"];
  locale: string;
};

/** The import button (only once a check found new rows and no problems), its progress and its outcome. */
export function ImportAction({ summary, progress, result, error, onImport, messages, locale }: Props) {
  const blocked = !summary ? null : summary.errorCount > 0 ? messages.fixFirst : summary.valid < 1 ? messages.nothingNew : null;
  const percent = progress?.phase === "uploading" ? Math.round(progress.fraction * 100) : null;
  return (
    <>
      {summary ? (
        <div className={styles.actions}>
          <button
            type="button"
            className={styles.primary}
            disabled={blocked !== null || progress !== null}
            aria-describedby={blocked ? "import-blocked" : undefined}
            onClick={onImport}
          >
            {plural(messages.button, summary.valid, locale)}
          </button>
          {blocked ? (
            <p id="import-blocked" className={styles.hint}>
              {blocked}
            </p>
          ) : null}
        </div>
      ) : null}
      {progress ? (
        <div className={styles.progress} data-phase={progress.phase}>
          <label htmlFor="import-progress">{percent === null ? messages.processing : fill(messages.uploading, { percent }, locale)}</label>
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
            <p>{`${plural(messages.created, result.created, locale)}; ${plural(messages.skipped, result.duplicates, locale)}.`}</p>
            <p>
              <Link href={`/${locale}/editor`}>{messages.toEditor}</Link>
            </p>
          </>
        ) : null}
        {error ? <p className={styles.error}>{error}</p> : null}
      </div>
    </>
  );
}
