import type { Ref } from "react";
import { fieldId } from "./FieldControl";
import type { FieldErrors } from "./form-values";
import styles from "./reference.module.css";

type Props = { title: string; errors: FieldErrors; labels: Record<string, string>; ref?: Ref<HTMLDivElement> };

/** The problems at the top of a form, each linking to its field; focused after a failed save. */
export function ErrorSummary({ title, errors, labels, ref }: Props) {
  const entries = Object.entries(errors);
  if (entries.length === 0) return null;
  return (
    <div ref={ref} tabIndex={-1} role="alert" className={styles.errorBox}>
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
