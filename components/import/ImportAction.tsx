"use client";

import { useTranslations } from "next-intl";
import { Link } from "@/lib/i18n/navigation";
import type { ImportResult, ImportSummary, UploadProgress } from "./api";
import styles from "./import.module.css";

type Props = {
  summary: ImportSummary | null;
  progress: UploadProgress | null;
  result: ImportResult | null;
  error: string | null;
  onImport: () => void;
};

/** The import button (only once a check found new rows and no problems), its progress and its outcome. */
export function ImportAction({ summary, progress, result, error, onImport }: Props) {
  const t = useTranslations("import.ui.import");
  const blocked = !summary ? null : summary.errorCount > 0 ? t("fixFirst") : summary.valid < 1 ? t("nothingNew") : null;
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
            {t("button", { count: summary.valid })}
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
            <p>{`${t("created", { count: result.created })}; ${t("skipped", { count: result.duplicates })}.`}</p>
            <p>
              <Link href="/editor">{t("toEditor")}</Link>
            </p>
          </>
        ) : null}
        {error ? <p className={styles.error}>{error}</p> : null}
      </div>
    </>
  );
}
