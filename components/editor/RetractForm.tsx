"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { ZRetractObservation } from "@/lib/schemas/observation";
import { ApiError, callApi, ZFigureSnapshot } from "./api";
import styles from "./editor.module.css";
import { errorText, fromApiError, fromZodIssues, type FieldErrors, type FieldMessages } from "./field-errors";
import { FormError, FormField } from "./FormField";
import type { EditorMessages } from "./messages";

type Props = {
  id: string;
  version: number;
  labels: EditorMessages["retract"];
  errorMessages: Record<string, string>;
  fieldMessages: FieldMessages;
};

/** Takes a published figure off the charts, with the reason readers will see. */
export function RetractForm({ id, version, labels, errorMessages, fieldMessages }: Props) {
  const router = useRouter();
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const retract = useMutation({
    mutationFn: (body: { version: number; reason: string }) =>
      callApi("POST", `/api/editor/observations/${id}/retract`, ZFigureSnapshot, body),
    onSuccess: () => router.refresh(),
    onError: (error) => setErrors(error instanceof ApiError ? fromApiError(error, fieldMessages) : {}),
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = ZRetractObservation.safeParse({ version, reason });
    if (!parsed.success) return setErrors(fromZodIssues(parsed.error.issues, fieldMessages));
    setErrors({});
    retract.mutate(parsed.data);
  }

  const otherError = retract.isError && Object.keys(errors).length === 0 ? errorText(retract.error, errorMessages) : null;
  return (
    <form className={styles.form} onSubmit={onSubmit} noValidate aria-labelledby="retract-title">
      <h2 id="retract-title">{labels.title}</h2>
      <p className="muted">{labels.intro}</p>
      <FormError message={otherError} />
      <FormField name="retract-reason" label={labels.reason} error={errors.reason}>
        {(control) => <textarea {...control} value={reason} onChange={(event) => setReason(event.target.value)} required />}
      </FormField>
      <div className={styles.actions}>
        <button type="submit" disabled={retract.isPending}>
          {retract.isPending ? labels.pending : labels.button}
        </button>
      </div>
    </form>
  );
}
