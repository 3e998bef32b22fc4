"use client";

import { useTranslations } from "next-intl";
import { z } from "zod";
import { callApi } from "@/lib/client/api";
import type { FieldMessages } from "@/components/forms/field-errors";
import { FormError, FormField } from "@/components/forms/FormField";
import { useApiForm } from "@/components/forms/use-api-form";
import formStyles from "@/components/forms/forms.module.css";

type FieldName = "email" | "displayName" | "password" | "currentPassword" | "newPassword";

/** A field of a credentials form: its name (also its label's key in editor.json's "fields") and how browsers fill it. */
export type CredentialField = { name: FieldName; type: "email" | "text" | "password"; autoComplete: string; newPassword?: boolean };

type Props<Schema extends z.ZodType> = {
  schema: Schema;
  /** The route that checks the same schema. */
  url: string;
  fields: CredentialField[];
  /** Where the submit and pending labels are in editor.json. */
  section: "signIn" | "setup" | "account";
  /** Loaded afresh once the route answers: the session it started or ended changes every page, header included. */
  next: string;
};

/** Sign-in, first run and password change: a few credentials checked with the route's schema, then a full page load. */
export function CredentialsForm<Schema extends z.ZodType>({ schema, url, fields, section, next }: Props<Schema>) {
  const t = useTranslations("editor");
  const { errors, formError, pending, done, onSubmit } = useApiForm({
    schema,
    send: (input) => callApi("POST", url, z.unknown(), input),
    onDone: () => window.location.assign(next),
    fieldMessages: t.raw("fieldErrors") as FieldMessages,
  });
  // Done means a new page is loading; the button stays disabled until it has.
  const busy = pending || done;
  return (
    <form className={formStyles.form} onSubmit={onSubmit} noValidate>
      <FormError message={formError} />
      {fields.map((field) => (
        <FormField
          key={field.name}
          name={field.name}
          label={t(`fields.${field.name}`)}
          hint={field.newPassword ? t("fields.passwordHint") : undefined}
          error={errors[field.name]}
        >
          {(control) => (
            <input
              {...control}
              type={field.type}
              autoComplete={field.autoComplete}
              required
              minLength={field.newPassword ? 12 : undefined}
            />
          )}
        </FormField>
      ))}
      <div className={formStyles.actions}>
        <button type="submit" className={formStyles.primary} disabled={busy}>
          {busy ? t(`${section}.pending`) : t(`${section}.submit`)}
        </button>
      </div>
    </form>
  );
}
