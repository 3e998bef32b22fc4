"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { callApi } from "@/lib/client/api";
import { useRouter } from "@/lib/i18n/editor-navigation";
import { SEND_BACK_NOTE_MAX, ZSendBack } from "@/lib/schemas/review";
import type { FieldMessages } from "@/components/forms/field-errors";
import { FormError, FormField } from "@/components/forms/FormField";
import { useApiForm } from "@/components/forms/use-api-form";
import formStyles from "@/components/forms/forms.module.css";
import { ZFigureSnapshot } from "./api";

/** A reviewer sends a draft back to its writers with a comment; the queue then says so. */
export function ReviewSendBackForm({ id, version }: { id: string; version: number }) {
  const t = useTranslations("review");
  const router = useRouter();
  const [note, setNote] = useState("");
  const { errors, formError, pending, onSubmit } = useApiForm({
    schema: ZSendBack,
    read: () => ({ version, note }),
    send: (body) => callApi("POST", `/api/editor/observations/${id}/send-back`, ZFigureSnapshot, body),
    onDone: () => router.push({ pathname: "/editor/review", query: { done: "sent_back" } }),
    fieldMessages: t.raw("fieldErrors") as FieldMessages,
    errorMessages: t.raw("errors") as Record<string, string>,
  });
  return (
    <form className={formStyles.form} onSubmit={onSubmit} noValidate aria-labelledby="send-back-title">
      <h2 id="send-back-title">{t("sendBack.title")}</h2>
      <p className="muted">{t("sendBack.intro")}</p>
      <FormError message={formError} />
      <FormField name="send-back-note" label={t("sendBack.note")} hint={t("sendBack.hint")} error={errors.note}>
        {(control) => (
          <textarea {...control} value={note} maxLength={SEND_BACK_NOTE_MAX} onChange={(event) => setNote(event.target.value)} required />
        )}
      </FormField>
      <div className={formStyles.actions}>
        <button type="submit" disabled={pending}>
          {pending ? t("sendBack.pending") : t("sendBack.button")}
        </button>
      </div>
    </form>
  );
}
