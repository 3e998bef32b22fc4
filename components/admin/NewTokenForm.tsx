"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";
import { z } from "zod";
import { ApiError, callApi } from "@/components/editor/api";
import { errorText, fromApiError } from "@/components/editor/field-errors";
import { FormError, FormField } from "@/components/editor/FormField";
import { NewTokenSecret, type SecretLabels } from "./NewTokenSecret";
import styles from "./admin.module.css";

export type NewTokenLabels = SecretLabels & { name: string; nameHint: string; submit: string; pending: string };

type Props = { labels: NewTokenLabels; errorMessages: Record<string, string> };

const ZCreatedToken = z.object({ id: z.string(), name: z.string(), tokenPrefix: z.string(), secret: z.string() });

/** Creates a token through POST /api/editor/tokens and shows its secret, which exists only in this answer. */
export function NewTokenForm({ labels, errorMessages }: Props) {
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: (input: { name: FormDataEntryValue | null }) => callApi("POST", "/api/editor/tokens", ZCreatedToken, input),
    onSuccess: () => {
      form.current?.reset();
      router.refresh();
    },
    onError: (error) => {
      const fields = error instanceof ApiError ? fromApiError(error, {}) : {};
      setErrors(fields);
      setFormError(Object.keys(fields).length > 0 ? null : errorText(error, errorMessages));
    },
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setErrors({});
    setFormError(null);
    mutation.mutate({ name: new FormData(event.currentTarget).get("name") });
  }

  return (
    <>
      {/* Kept in this component's state only: a reload or "dismiss" and it is gone for good. */}
      {mutation.isSuccess ? <NewTokenSecret token={mutation.data} labels={labels} onDismiss={mutation.reset} /> : null}
      <form ref={form} className={styles.form} onSubmit={onSubmit}>
        <FormError message={formError} />
        <FormField name="name" label={labels.name} hint={labels.nameHint} error={errors.name}>
          {(control) => <input {...control} type="text" autoComplete="off" required maxLength={120} />}
        </FormField>
        <div className={styles.actions}>
          <button type="submit" className={styles.primary} disabled={mutation.isPending}>
            {mutation.isPending ? labels.pending : labels.submit}
          </button>
        </div>
      </form>
    </>
  );
}
