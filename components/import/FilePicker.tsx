"use client";

import type { ChangeEvent } from "react";
import { plural } from "./format";
import styles from "./import.module.css";
import type { ImportMessages } from "./messages";
import type { CsvFile } from "./read-csv";

type Props = {
  file: CsvFile | null;
  reading: boolean;
  error: string | null;
  disabled: boolean;
  onChoose: (file: File | null) => void;
  messages: ImportMessages["file"];
  locale: string;
};

/** The file input, the template link, and what was read from the chosen file. */
export function FilePicker({ file, reading, error, disabled, onChoose, messages, locale }: Props) {
  const choose = (event: ChangeEvent<HTMLInputElement>) => onChoose(event.currentTarget.files?.[0] ?? null);
  return (
    <>
      <div className={styles.field}>
        <label htmlFor="import-file">{messages.label}</label>
        <input
          id="import-file"
          type="file"
          accept=".csv,text/csv"
          aria-describedby="import-file-hint"
          disabled={disabled}
          onChange={choose}
        />
        <p id="import-file-hint" className={styles.hint}>
          {messages.hint}
        </p>
      </div>
      <p>
        <a href="/api/editor/imports/template" download>
          {messages.template}
        </a>
      </p>
      <div role="status" aria-live="polite" className={styles.status}>
        {reading ? <p>{messages.reading}</p> : null}
        {error ? <p className={styles.error}>{error}</p> : null}
        {file ? <p>{plural(messages.summary, file.rowCount, locale, { name: file.name })}</p> : null}
      </div>
      {file ? (
        <>
          <p id="import-columns-title" className={styles.hint}>
            {messages.columns}
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
