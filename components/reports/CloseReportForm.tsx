"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { z } from "zod";
import { callApi } from "@/lib/client/api";
import { ZCloseProblemReport } from "@/lib/schemas/problem-report";
import { FormError, FormField } from "@/components/forms/FormField";
import { useApiForm } from "@/components/forms/use-api-form";
import formStyles from "@/components/forms/forms.module.css";

/** Closes a reader's report with a note saying what was done; the list then shows who closed it and when. */
export function CloseReportForm({ id }: { id: string }) {
  const t = useTranslations("reports");
  const router = useRouter();
  const [note, setNote] = useState("");
  const { errors, formError, pending, onSubmit } = useApiForm({
    schema: ZCloseProblemReport,
    read: () => ({ note }),
    send: (body) => callApi("POST", `/api/editor/reports/${id}/close`, z.unknown(), body),
    onDone: () => router.refresh(),
    fieldMessages: { note: t("staff.closeHint") },
    errorMessages: t.raw("errors") as Record<string, string>,
  });
  return (
    <form className={formStyles.form} onSubmit={onSubmit} noValidate aria-label={t("staff.closeTitle")}>
      <FormError message={formError} />
      <FormField name={`close-note-${id}`} label={t("staff.closeNote")} hint={t("staff.closeHint")} error={errors.note}>
        {(control) => <textarea {...control} value={note} onChange={(event) => setNote(event.target.value)} required rows={2} />}
      </FormField>
      <div className={formStyles.actions}>
        <button type="submit" disabled={pending}>
          {pending ? t("staff.closing") : t("staff.close")}
        </button>
      </div>
    </form>
  );
}
