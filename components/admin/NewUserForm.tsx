"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";
import { z } from "zod";
import { ApiError, callApi } from "@/components/editor/api";
import { errorText, fill, fromApiError } from "@/components/editor/field-errors";
import { FormError, FormField } from "@/components/editor/FormField";
import type { Role } from "@/lib/schemas/enums";
import styles from "./admin.module.css";

export type { Role };

export type NewUserLabels = {
  displayName: string;
  email: string;
  password: string;
  role: string;
  roles: Record<Role, string>;
  submit: string;
  pending: string;
  /** "Added {name}." */
  added: string;
};

type Props = { labels: NewUserLabels; errorMessages: Record<string, string> };

// The route answers the new user; the list above is re-read from the server afterwards.
const ZCreatedUser = z.object({ id: z.string(), displayName: z.string() });

/** Adds a user through POST /api/editor/users, which checks the input with ZNewUser and the admin permission. */
export function NewUserForm({ labels, errorMessages }: Props) {
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: (input: Record<string, FormDataEntryValue>) => callApi("POST", "/api/editor/users", ZCreatedUser, input),
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
    mutation.mutate(Object.fromEntries(new FormData(event.currentTarget)));
  }

  return (
    <form ref={form} className={styles.form} onSubmit={onSubmit}>
      <FormError message={formError} />
      {mutation.isSuccess ? (
        <p role="status" className={styles.done}>
          {fill(labels.added, { name: mutation.data.displayName })}
        </p>
      ) : null}
      <FormField name="displayName" label={labels.displayName} error={errors.displayName}>
        {(control) => <input {...control} type="text" autoComplete="off" required maxLength={120} />}
      </FormField>
      <FormField name="email" label={labels.email} error={errors.email}>
        {(control) => <input {...control} type="email" autoComplete="off" required maxLength={320} />}
      </FormField>
      <FormField name="password" label={labels.password} error={errors.password}>
        {(control) => <input {...control} type="password" autoComplete="new-password" required minLength={12} maxLength={256} />}
      </FormField>
      <FormField name="role" label={labels.role} error={errors.role}>
        {(control) => (
          <select {...control} defaultValue="editor">
            {(Object.keys(labels.roles) as Role[]).map((role) => (
              <option key={role} value={role}>
                {labels.roles[role]}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <div className={styles.actions}>
        <button type="submit" className={styles.primary} disabled={mutation.isPending}>
          {mutation.isPending ? labels.pending : labels.submit}
        </button>
      </div>
    </form>
  );
}
