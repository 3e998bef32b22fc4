"use client";

import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { z } from "zod";
import {
  FIXABLE_FIELDS,
  IMPORT_FIELDS,
  REQUIRED_FIELDS,
  type ColumnMapping,
  type DateFormat,
  type FixedValues,
  type ImportField,
} from "@/lib/csv-import/fields";
import { DATE_PRECISIONS, PRODUCER_TYPES, QUALIFIERS } from "@/lib/schemas/enums";
import styles from "./import.module.css";

/** Where a field's value comes from: a column of the file, or one value typed for every row. */
export type FieldSource = "column" | "fixed";

type Props = {
  columns: string[];
  mapping: ColumnMapping;
  sources: Partial<Record<ImportField, FieldSource>>;
  fixed: FixedValues;
  dateFormat: DateFormat;
  missing: ImportField[];
  onColumn: (field: ImportField, column: string | null) => void;
  onSource: (field: ImportField, source: FieldSource) => void;
  onFixed: (field: ImportField, value: string) => void;
};

const controlId = (field: ImportField) => `map-${field}`;

const ZIndicators = z.object({
  data: z.array(
    z.object({ slug: z.string(), name: z.object({ es: z.string(), en: z.string() }), unit: z.string(), unitEs: z.string().nullable() }),
  ),
});

async function fetchIndicators() {
  const response = await fetch("/api/v1/indicators", { credentials: "same-origin" });
  if (!response.ok) throw new Error(String(response.status));
  return ZIndicators.parse(await response.json()).data;
}

/** For each field: a column of the file (a select of its columns) or one value for every row (a select where the values are a list). */
export function MappingForm({ columns, mapping, sources, fixed, dateFormat, missing, onColumn, onSource, onFixed }: Props) {
  const t = useTranslations("import.ui");
  const locale = useLocale() === "es" ? "es" : "en";
  const anyFixedIndicator = sources.indicator === "fixed";
  const indicators = useQuery({
    queryKey: ["import", "indicators"],
    queryFn: fetchIndicators,
    enabled: anyFixedIndicator,
    staleTime: 300_000,
  });
  const options = [...new Set(columns.filter((column) => column !== ""))];

  // The lists a fixed value is chosen from, labelled in the page's language with the value the file would hold.
  const choices: Partial<Record<ImportField, { value: string; label: string }[]>> = {
    indicator: (indicators.data ?? []).map((indicator) => ({
      value: indicator.slug,
      label: `${indicator.slug} — ${indicator.name[locale]} (${locale === "es" ? (indicator.unitEs ?? indicator.unit) : indicator.unit})`,
    })),
    producerType: PRODUCER_TYPES.map((value) => ({ value, label: t(`mapping.producerTypes.${value}`) })),
    qualifier: QUALIFIERS.map((value) => ({ value, label: t(`mapping.qualifiers.${value}`) })),
    datePrecision: DATE_PRECISIONS.map((value) => ({ value, label: t(`mapping.precisions.${value}`) })),
  };
  const datePlaceholder = t(`mapping.datePlaceholders.${dateFormat}`);

  return (
    <>
      <p className={`${styles.hint} ${styles.mappingIntro}`}>{t("mapping.intro")}</p>
      <div className={styles.mapping}>
        {IMPORT_FIELDS.map((field) => {
          const required = REQUIRED_FIELDS.includes(field);
          const invalid = missing.includes(field);
          const source = sources[field] ?? "column";
          const hintId = `${controlId(field)}-hint`;
          const errorId = `${controlId(field)}-error`;
          const described = invalid ? `${errorId} ${hintId}` : hintId;
          const list = choices[field];
          return (
            <div key={field} className={styles.field} data-testid={`mapping-${field}`}>
              <label htmlFor={controlId(field)}>
                {/* The field's name as the template's header writes it: a name in the file, not a word of the page. */}
                <code id={`${controlId(field)}-name`} className={styles.fieldName}>
                  {field}
                </code>
                {required ? (
                  <>
                    <span aria-hidden="true" className={styles.required}>
                      *
                    </span>
                    <span className="visually-hidden"> ({t("mapping.required")})</span>
                  </>
                ) : null}
              </label>
              {FIXABLE_FIELDS.includes(field) ? (
                <span id={`${controlId(field)}-source`} hidden>
                  {t("mapping.source")}
                </span>
              ) : null}
              {FIXABLE_FIELDS.includes(field) ? (
                <select
                  aria-labelledby={`${controlId(field)}-source ${controlId(field)}-name`}
                  value={source}
                  className={styles.source}
                  onChange={(event) => onSource(field, event.currentTarget.value as FieldSource)}
                >
                  <option value="column">{t("mapping.fromColumn")}</option>
                  <option value="fixed">{t("mapping.fixedValue")}</option>
                </select>
              ) : null}
              {source === "column" ? (
                <select
                  id={controlId(field)}
                  value={mapping[field] ?? ""}
                  required={required}
                  aria-invalid={invalid || undefined}
                  aria-describedby={described}
                  onChange={(event) => onColumn(field, event.currentTarget.value || null)}
                >
                  <option value="">{t("mapping.notInFile")}</option>
                  {options.map((column) => (
                    <option key={column} value={column}>
                      {column}
                    </option>
                  ))}
                </select>
              ) : list && !(field === "indicator" && indicators.isError) ? (
                <select
                  id={controlId(field)}
                  value={fixed[field] ?? ""}
                  required={required}
                  aria-invalid={invalid || undefined}
                  aria-describedby={described}
                  onChange={(event) => onFixed(field, event.currentTarget.value)}
                >
                  <option value="">
                    {field === "indicator" && indicators.isPending ? t("mapping.loadingIndicators") : t("mapping.choose")}
                  </option>
                  {list.map((choice) => (
                    <option key={choice.value} value={choice.value}>
                      {choice.label}
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  id={controlId(field)}
                  type={field === "sourceUrl" ? "url" : "text"}
                  value={fixed[field] ?? ""}
                  required={required}
                  maxLength={4000}
                  placeholder={field === "asOf" || field === "publishedAt" ? datePlaceholder : undefined}
                  aria-invalid={invalid || undefined}
                  aria-describedby={described}
                  onChange={(event) => onFixed(field, event.currentTarget.value)}
                />
              )}
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
