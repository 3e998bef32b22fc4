"use client";

import { useTranslations } from "next-intl";
import type { ChangeEvent } from "react";
import styles from "./import.module.css";
import type { CsvFile } from "./read-csv";

type Props = {
  file: CsvFile | null;
  reading: boolean;
  error: string | null;
  disabled: boolean;
  onChoose: (file: File | null) => void;
};

/** The file input, the template link, and what was read from the chosen file. */
export function FilePicker({ file, reading, error, disabled, onChoose }: Props) {
  const t = useTranslations("import.ui.file");
  const choose = (event: ChangeEvent<HTMLInputElement>) => onChoose(event.currentTarget.files?.[0] ?? null);
  return (
    <>
      <div className={styles.field}>
        <label htmlFor="import-file">{t("label")}</label>
        <input
          id="import-file"
          type="file"
          accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain"
          aria-describedby="import-file-hint"
          disabled={disabled}
          onChange={choose}
        />
        <p id="import-file-hint" className={styles.hint}>
          {t("hint")}
        </p>
      </div>
      <p>
        <a href="/api/editor/imports/template" download>
          {t("template")}
        </a>
      </p>
      <div role="status" aria-live="polite" className={styles.status}>
        {reading ? <p>{t("reading")}</p> : null}
        {error ? <p className={styles.error}>{error}</p> : null}
        {file ? <p>{t("summary", { count: file.rows.length, name: file.name })}</p> : null}
      </div>
      {file ? (
        <>
          <p id="import-columns-title" className={styles.hint}>
            {t("columns")}
          </p>
          <ul className={styles.columns} aria-labelledby="import-columns-title">
            {file.columns.map((column, index) => (
              <li key={`${index}-${column}`}>{column || "—"}</li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
