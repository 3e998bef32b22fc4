"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import type { z } from "zod";
import { ApiError } from "./api";
import { errorText, fromApiError, fromZodIssues, type FieldErrors, type FieldMessages } from "./field-errors";

type Options<Schema extends z.ZodType> = {
  schema: Schema;
  send: (input: z.output<Schema>) => Promise<unknown>;
  onDone: () => void;
  fieldMessages: FieldMessages;
  errorMessages: Record<string, string>;
};

/**
 * A small form checked with the same zod schema as its route: field messages come from the
 * schema before sending, or from the server's `details.fields` after; anything else is one message.
 */
export function useSchemaForm<Schema extends z.ZodType>({ schema, send, onDone, fieldMessages, errorMessages }: Options<Schema>) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: send,
    onSuccess: onDone,
    onError: (error) => {
      const fields = error instanceof ApiError ? fromApiError(error, fieldMessages) : {};
      setErrors(fields);
      setFormError(Object.keys(fields).length > 0 ? null : errorText(error, errorMessages));
    },
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = schema.safeParse(Object.fromEntries(new FormData(event.currentTarget)));
    setFormError(null);
    if (!parsed.success) {
      setErrors(fromZodIssues(parsed.error.issues, fieldMessages));
      return;
    }
    setErrors({});
    mutation.mutate(parsed.data);
  }

  // A successful sign-in navigates away; the button stays disabled until the next page loads.
  return { errors, formError, pending: mutation.isPending || mutation.isSuccess, onSubmit };
}
