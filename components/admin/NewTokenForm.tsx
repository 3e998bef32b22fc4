"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useRef } from "react";
import { z } from "zod";
import { callApi } from "@/lib/client/api";
import { ZNewApiToken } from "@/lib/schemas/user";
import { FormError, FormField } from "@/components/forms/FormField";
import { useApiForm } from "@/components/forms/use-api-form";
import { NewTokenSecret } from "./NewTokenSecret";
import formStyles from "@/components/forms/forms.module.css";

const ZCreatedToken = z.object({ id: z.string(), name: z.string(), tokenPrefix: z.string(), secret: z.string() });

/** Creates a token through POST /api/editor/tokens and shows its secret, which exists only in this answer. */
export function NewTokenForm() {
  const t = useTranslations("changes.admin");
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const { errors, formError, pending, answer, reset, onSubmit } = useApiForm({
    schema: ZNewApiToken,
    send: (input) => callApi("POST", "/api/editor/tokens", ZCreatedToken, input),
    onDone: () => {
      form.current?.reset();
      router.refresh();
    },
  });
  return (
    <>
      {/* Kept in this component's state only: a reload or "dismiss" and it is gone for good. */}
      {answer ? <NewTokenSecret token={answer} onDismiss={reset} /> : null}
      <form ref={form} className={formStyles.form} onSubmit={onSubmit}>
        <FormError message={formError} />
        <FormField name="name" label={t("tokens.name")} hint={t("tokens.nameHint")} error={errors.name}>
          {(control) => <input {...control} type="text" autoComplete="off" required maxLength={120} />}
        </FormField>
        <div className={formStyles.actions}>
          <button type="submit" className={formStyles.primary} disabled={pending}>
            {pending ? t("tokens.pending") : t("tokens.submit")}
          </button>
        </div>
      </form>
    </>
  );
}
