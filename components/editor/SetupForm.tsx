"use client";

import { z } from "zod";
import { ZFirstAdmin } from "@/lib/schemas/user";
import { callApi } from "./api";
import styles from "./editor.module.css";
import type { FieldMessages } from "./field-errors";
import { FormError, FormField } from "./FormField";
import type { EditorMessages } from "./messages";
import { useSchemaForm } from "./use-schema-form";

type Props = {
  dashboardPath: string;
  labels: EditorMessages["fields"] & Pick<EditorMessages["setup"], "submit" | "pending">;
  errorMessages: Record<string, string>;
  fieldMessages: FieldMessages;
};

/** First run: creates the first admin, who is then signed in. */
export function SetupForm({ dashboardPath, labels, errorMessages, fieldMessages }: Props) {
  const { errors, formError, pending, onSubmit } = useSchemaForm({
    schema: ZFirstAdmin,
    send: (input) => callApi("POST", "/api/editor/setup", z.unknown(), input),
    onDone: () => window.location.assign(dashboardPath),
    fieldMessages,
    errorMessages,
  });
  return (
    <form className={styles.form} onSubmit={onSubmit} noValidate>
      <FormError message={formError} />
      <FormField name="email" label={labels.email} error={errors.email}>
        {(control) => <input {...control} type="email" autoComplete="username" required />}
      </FormField>
      <FormField name="displayName" label={labels.displayName} error={errors.displayName}>
        {(control) => <input {...control} type="text" autoComplete="name" required />}
      </FormField>
      <FormField name="password" label={labels.password} hint={labels.passwordHint} error={errors.password}>
        {(control) => <input {...control} type="password" autoComplete="new-password" required minLength={12} />}
      </FormField>
      <div className={styles.actions}>
        <button type="submit" className={styles.primary} disabled={pending}>
          {pending ? labels.pending : labels.submit}
        </button>
      </div>
    </form>
  );
}
