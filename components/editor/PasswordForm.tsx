"use client";

import { z } from "zod";
import { ZPasswordChange } from "@/lib/schemas/user";
import { callApi } from "./api";
import styles from "./editor.module.css";
import type { FieldMessages } from "./field-errors";
import { FormError, FormField } from "./FormField";
import type { EditorMessages } from "./messages";
import { useSchemaForm } from "./use-schema-form";

type Props = {
  /** The server ends every session of the account, this one too, so the next stop is the sign-in page. */
  signInPath: string;
  labels: EditorMessages["fields"] & Pick<EditorMessages["account"], "submit" | "pending">;
  errorMessages: Record<string, string>;
  fieldMessages: FieldMessages;
};

export function PasswordForm({ signInPath, labels, errorMessages, fieldMessages }: Props) {
  const { errors, formError, pending, onSubmit } = useSchemaForm({
    schema: ZPasswordChange,
    send: (input) => callApi("POST", "/api/editor/password", z.unknown(), input),
    onDone: () => window.location.assign(signInPath),
    fieldMessages,
    errorMessages,
  });
  return (
    <form className={styles.form} onSubmit={onSubmit} noValidate>
      <FormError message={formError} />
      <FormField name="currentPassword" label={labels.currentPassword} error={errors.currentPassword}>
        {(control) => <input {...control} type="password" autoComplete="current-password" required />}
      </FormField>
      <FormField name="newPassword" label={labels.newPassword} hint={labels.passwordHint} error={errors.newPassword}>
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
