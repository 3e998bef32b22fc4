"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { callApi } from "@/lib/client/api";
import { useRouter } from "@/lib/i18n/editor-navigation";
import { ZDiscard } from "@/lib/schemas/review";
import type { FieldMessages } from "@/components/forms/field-errors";
import { FormError, FormField } from "@/components/forms/FormField";
import { useApiForm } from "@/components/forms/use-api-form";
import formStyles from "@/components/forms/forms.module.css";
import { ZFigureSnapshot } from "./api";

/** Its writer or a reviewer discards a draft: never published, kept with its history; the page then says so. */
export function ReviewDiscardForm({ id, version }: { id: string; version: number }) {
  const t = useTranslations("review");
  const router = useRouter();
  const [reason, setReason] = useState("");
  const { errors, formError, pending, onSubmit } = useApiForm({
    schema: ZDiscard,
    read: () => ({ version, reason: reason.trim() || null }),
    send: (body) => callApi("POST", `/api/editor/observations/${id}/discard`, ZFigureSnapshot, body),
    onDone: () => {
      router.push({ pathname: `/editor/observations/${id}`, query: { done: "discarded" } });
      router.refresh();
    },
    fieldMessages: t.raw("fieldErrors") as FieldMessages,
    errorMessages: t.raw("errors") as Record<string, string>,
  });
  return (
    <form className={formStyles.form} onSubmit={onSubmit} noValidate aria-labelledby="discard-title">
      <h2 id="discard-title">{t("discard.title")}</h2>
      <p className="muted">{t("discard.intro")}</p>
      <FormError message={formError} />
      <FormField name="discard-reason" label={t("discard.reason")} optionalLabel={t("discard.optional")} error={errors.reason}>
        {(control) => <textarea {...control} value={reason} onChange={(event) => setReason(event.target.value)} />}
      </FormField>
      <div className={formStyles.actions}>
        <button type="submit" disabled={pending}>
          {pending ? t("discard.pending") : t("discard.button")}
        </button>
      </div>
    </form>
  );
}
