"use client";

import { z } from "zod";
import { ZSignIn } from "@/lib/schemas/user";
import { callApi } from "./api";
import styles from "./editor.module.css";
import type { FieldMessages } from "./field-errors";
import { FormError, FormField } from "./FormField";
import type { EditorMessages } from "./messages";
import { useSchemaForm } from "./use-schema-form";

type Props = {
  /** Where to go once signed in (already checked to be an editor page). */
  redirectTo: string;
  labels: EditorMessages["fields"] & Pick<EditorMessages["signIn"], "submit" | "pending">;
  errorMessages: Record<string, string>;
  fieldMessages: FieldMessages;
};

export function SignInForm({ redirectTo, labels, errorMessages, fieldMessages }: Props) {
  const { errors, formError, pending, onSubmit } = useSchemaForm({
    schema: ZSignIn,
    send: (input) => callApi("POST", "/api/editor/session", z.unknown(), input),
    // A full page load: the new session's pages, header included, start from a clean slate.
    onDone: () => window.location.assign(redirectTo),
    fieldMessages,
    errorMessages,
  });
  return (
    <form className={styles.form} onSubmit={onSubmit} noValidate>
      <FormError message={formError} />
      <FormField name="email" label={labels.email} error={errors.email}>
        {(control) => <input {...control} type="email" autoComplete="username" required />}
      </FormField>
      <FormField name="password" label={labels.password} error={errors.password}>
        {(control) => <input {...control} type="password" autoComplete="current-password" required />}
      </FormField>
      <div className={styles.actions}>
        <button type="submit" className={styles.primary} disabled={pending}>
          {pending ? labels.pending : labels.submit}
        </button>
      </div>
    </form>
  );
}
