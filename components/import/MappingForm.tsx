"use client";

import { useTranslations } from "next-intl";
import { IMPORT_FIELDS, REQUIRED_FIELDS, type ColumnMapping, type ImportField } from "@/lib/csv-import/fields";
import styles from "./import.module.css";

type Props = {
  columns: string[];
  mapping: ColumnMapping;
  missing: ImportField[];
  onChange: (field: ImportField, column: string | null) => void;
};

const selectId = (field: ImportField) => `map-${field}`;

/** One select per field, listing the file's columns; "" stands for "not in this file". */
export function MappingForm({ columns, mapping, missing, onChange }: Props) {
  const t = useTranslations("import.ui");
  const options = [...new Set(columns.filter((column) => column !== ""))];
  return (
    <>
      <p className={`${styles.hint} ${styles.mappingIntro}`}>{t("mapping.intro")}</p>
      <div className={styles.mapping}>
        {IMPORT_FIELDS.map((field) => {
          const required = REQUIRED_FIELDS.includes(field);
          const invalid = missing.includes(field);
          const hintId = `${selectId(field)}-hint`;
          const errorId = `${selectId(field)}-error`;
          return (
            <div key={field} className={styles.field}>
              <label htmlFor={selectId(field)}>
                <span className={styles.fieldName}>{field}</span>
                {required ? (
                  <>
                    <span aria-hidden="true" className={styles.required}>
                      *
                    </span>
                    <span className="visually-hidden"> ({t("mapping.required")})</span>
                  </>
                ) : null}
              </label>
              <select
                id={selectId(field)}
                value={mapping[field] ?? ""}
                required={required}
                aria-invalid={invalid || undefined}
                aria-describedby={invalid ? `${errorId} ${hintId}` : hintId}
                onChange={(event) => onChange(field, event.currentTarget.value || null)}
              >
                <option value="">{t("mapping.notInFile")}</option>
                {options.map((column) => (
                  <option key={column} value={column}>
                    {column}
                  </option>
                ))}
              </select>
              {invalid ? (
                <p id={errorId} className={styles.fieldError}>
                  {t("mapping.fieldMissing")}
                </p>
              ) : null}
              <p id={hintId} className={styles.hint}>
                {t(`fields.${field}`)}
              </p>
            </div>
          );
        })}
      </div>
    </>
  );
}
