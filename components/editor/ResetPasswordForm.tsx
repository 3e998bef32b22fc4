"use client";

import { useTranslations } from "next-intl";
import { z } from "zod";
import type { FieldMessages } from "@/components/forms/field-errors";
import { FormError, FormField } from "@/components/forms/FormField";
import { useApiForm } from "@/components/forms/use-api-form";
import formStyles from "@/components/forms/forms.module.css";
import { callApi } from "@/lib/client/api";
import { ZPasswordReset } from "@/lib/schemas/user";

type Props = { token: string; email: string; signInPath: string };

/** Sets the new password through POST /api/editor/password-reset, then goes to sign-in (every session has ended). */
export function ResetPasswordForm({ token, email, signInPath }: Props) {
  const t = useTranslations("users");
  const { errors, formError, pending, done, onSubmit } = useApiForm({
    schema: ZPasswordReset,
    read: (form) => ({ token, password: new FormData(form).get("password") }),
    send: (input) => callApi("POST", "/api/editor/password-reset", z.unknown(), input),
    onDone: () => window.location.assign(signInPath),
    fieldMessages: t.raw("resetFieldErrors") as FieldMessages,
    errorMessages: t.raw("resetErrors") as Record<string, string>,
  });
  // Done means the sign-in page is loading; the button stays disabled until it has.
  const busy = pending || done;
  return (
    <form className={formStyles.form} onSubmit={onSubmit} noValidate>
      <FormError message={formError} />
      {/* Lets password managers file the new password under the right account. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <FormField name="password" label={t("resetPage.password")} hint={t("resetPage.passwordHint")} error={errors.password}>
        {(control) => <input {...control} type="password" autoComplete="new-password" required minLength={12} maxLength={256} />}
      </FormField>
      <div className={formStyles.actions}>
        <button type="submit" className={formStyles.primary} disabled={busy}>
          {busy ? t("resetPage.pending") : t("resetPage.submit")}
        </button>
      </div>
    </form>
  );
}
