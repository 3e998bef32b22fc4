import type { ReactNode, Ref } from "react";
import styles from "./forms.module.css";

export type ControlProps = { id: string; name: string; "aria-invalid"?: true; "aria-describedby"?: string };

type Props = {
  name: string;
  label: string;
  /** Text, or text with quoted data in it. */
  hint?: ReactNode;
  optionalLabel?: string;
  error?: string;
  /** Renders the input, select or textarea with the id and ARIA links it needs. */
  children: (control: ControlProps) => ReactNode;
};

export const fieldId = (name: string) => `field-${name.replace(/\./g, "-")}`;

/** A labelled control with its hint and its error message, linked for screen readers. */
export function FormField({ name, label, hint, optionalLabel, error, children }: Props) {
  const id = fieldId(name);
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className={styles.field}>
      <label htmlFor={id}>
        {label}
        {optionalLabel ? <span className="muted"> ({optionalLabel})</span> : null}
      </label>
      {hint ? (
        <span id={`${id}-hint`} className={styles.hint}>
          {hint}
        </span>
      ) : null}
      {children({ id, name, "aria-invalid": error ? true : undefined, "aria-describedby": described || undefined })}
      {error ? (
        <span id={`${id}-error`} className={styles.fieldError}>
          {error}
        </span>
      ) : null}
    </div>
  );
}

type SummaryProps = {
  title: string;
  errors: Record<string, string>;
  labels: Record<string, string>;
  /** Given when the form moves focus to the summary after a failed save. */
  ref?: Ref<HTMLDivElement>;
};

/** The list of problems at the top of a form, each linking to its field. */
export function ErrorSummary({ title, errors, labels, ref }: SummaryProps) {
  const entries = Object.entries(errors);
  if (entries.length === 0) return null;
  return (
    <div ref={ref} tabIndex={ref ? -1 : undefined} role="alert" className={styles.errorBox}>
      <p>{title}</p>
      <ul>
        {entries.map(([name, message]) => (
          <li key={name}>
            <a href={`#${fieldId(name)}`}>{labels[name] ?? name}</a>: {message}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** An error that belongs to no field (wrong password, forbidden, network). */
export function FormError({ message, children }: { message: string | null; children?: ReactNode }) {
  return message ? (
    <p role="alert" className={styles.errorBox}>
      {message}
      {children}
    </p>
  ) : null;
}
