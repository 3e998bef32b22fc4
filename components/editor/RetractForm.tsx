"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { callApi } from "@/lib/client/api";
import { ZRetractObservation } from "@/lib/schemas/observation";
import type { FieldMessages } from "@/components/forms/field-errors";
import { FormError, FormField } from "@/components/forms/FormField";
import { useApiForm } from "@/components/forms/use-api-form";
import { ZFigureSnapshot } from "./api";
import formStyles from "@/components/forms/forms.module.css";

/** Takes a published figure off the charts, with the reason readers will see. */
export function RetractForm({ id, version }: { id: string; version: number }) {
  const t = useTranslations("editor");
  const router = useRouter();
  const [reason, setReason] = useState("");
  const { errors, formError, pending, onSubmit } = useApiForm({
    schema: ZRetractObservation,
    read: () => ({ version, reason }),
    send: (body) => callApi("POST", `/api/editor/observations/${id}/retract`, ZFigureSnapshot, body),
    onDone: () => router.refresh(),
    fieldMessages: t.raw("fieldErrors") as FieldMessages,
  });
  return (
    <form className={formStyles.form} onSubmit={onSubmit} noValidate aria-labelledby="retract-title">
      <h2 id="retract-title">{t("retract.title")}</h2>
      <p className="muted">{t("retract.intro")}</p>
      <FormError message={formError} />
      <FormField name="retract-reason" label={t("retract.reason")} error={errors.reason}>
        {(control) => <textarea {...control} value={reason} onChange={(event) => setReason(event.target.value)} required />}
      </FormField>
      <div className={formStyles.actions}>
        <button type="submit" disabled={pending}>
          {pending ? t("retract.pending") : t("retract.button")}
        </button>
      </div>
    </form>
  );
}
