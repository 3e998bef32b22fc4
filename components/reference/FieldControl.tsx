import type { FieldSpec } from "./entities";
import styles from "./reference.module.css";

type Props = {
  field: FieldSpec;
  /** The field starts from this value; the form reads what was typed from the DOM when it is submitted. */
  defaultValue: string;
  label: string;
  hint?: string;
  optionalLabel: string;
  options: Record<string, string>;
  error?: string;
};

export const fieldId = (name: string) => `field-${name.replace(/\./g, "-")}`;

/** One labelled input, select or textarea, with its hint and error linked for screen readers. */
export function FieldControl({ field, defaultValue, label, hint, optionalLabel, options, error }: Props) {
  const id = fieldId(field.name);
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  const common = {
    id,
    name: field.name,
    defaultValue,
    required: !field.optional,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy,
  } as const;
  return (
    <div className={styles.field}>
      <label htmlFor={id}>
        {label}
        {field.optional ? <span className="muted"> ({optionalLabel})</span> : null}
      </label>
      {hint ? (
        <span id={`${id}-hint`} className={styles.hint}>
          {hint}
        </span>
      ) : null}
      {field.control === "select" ? (
        <select {...common}>
          {defaultValue === "" ? <option value="">—</option> : null}
          {Object.entries(options).map(([option, optionLabel]) => (
            <option key={option} value={option}>
              {optionLabel}
            </option>
          ))}
        </select>
      ) : field.control === "textarea" ? (
        <textarea {...common} rows={4} />
      ) : (
        <input {...common} type={field.control} />
      )}
      {error ? (
        <span id={`${id}-error`} className={styles.fieldError}>
          {error}
        </span>
      ) : null}
    </div>
  );
}
