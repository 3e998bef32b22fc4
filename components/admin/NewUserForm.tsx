"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useRef } from "react";
import { z } from "zod";
import { callApi } from "@/lib/client/api";
import { ZRole } from "@/lib/schemas/enums";
import { ZNewUser } from "@/lib/schemas/user";
import { withQuoted } from "@/components/text/Quoted";
import { FormError, FormField } from "@/components/forms/FormField";
import { useApiForm } from "@/components/forms/use-api-form";
import formStyles from "@/components/forms/forms.module.css";
import type { FieldMessages } from "@/components/forms/field-errors";
import styles from "./UserAdmin.module.css";

// The route answers the new user; the list above is re-read from the server afterwards.
const ZCreatedUser = z.object({ id: z.string(), displayName: z.string() });

// In the order the select lists them, the least powerful role first (and chosen).
const ROLES = [ZRole.enum.editor, ZRole.enum.reviewer, ZRole.enum.admin];

/** Adds a user through POST /api/editor/users, which checks the input with ZNewUser and the admin permission. */
export function NewUserForm() {
  const t = useTranslations("users");
  const roles = useTranslations("editor.roles");
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const { errors, formError, pending, answer, onSubmit } = useApiForm({
    schema: ZNewUser,
    send: (input) => callApi("POST", "/api/editor/users", ZCreatedUser, input),
    onDone: () => {
      form.current?.reset();
      router.refresh();
    },
    fieldMessages: t.raw("fieldErrors") as FieldMessages,
    errorMessages: t.raw("errors") as Record<string, string>,
  });
  return (
    <form ref={form} className={formStyles.form} onSubmit={onSubmit}>
      <FormError message={formError} />
      {answer ? (
        <p role="status" className={styles.done}>
          {withQuoted((quoted) => t("add.added", quoted), { name: answer.displayName })}
        </p>
      ) : null}
      <FormField name="displayName" label={t("add.displayName")} error={errors.displayName}>
        {(control) => <input {...control} type="text" autoComplete="off" required maxLength={120} />}
      </FormField>
      <FormField name="email" label={t("add.email")} error={errors.email}>
        {(control) => <input {...control} type="email" autoComplete="off" required maxLength={320} />}
      </FormField>
      <FormField name="password" label={t("add.password")} error={errors.password}>
        {(control) => <input {...control} type="password" autoComplete="new-password" required minLength={12} maxLength={256} />}
      </FormField>
      <FormField name="role" label={t("add.role")} error={errors.role}>
        {(control) => (
          <select {...control} defaultValue="editor">
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {roles(role)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <div className={formStyles.actions}>
        <button type="submit" className={formStyles.primary} disabled={pending}>
          {pending ? t("add.pending") : t("add.submit")}
        </button>
      </div>
    </form>
  );
}
