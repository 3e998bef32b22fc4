"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import type { z } from "zod";
import { ApiError } from "@/lib/client/api";
import { fromApiError, fromZodIssues, useErrorText, type FieldErrors, type FieldMessages } from "./field-errors";

type Options<Schema extends z.ZodType, Answer> = {
  /** The route's own schema. */
  schema: Schema;
  /** What the schema checks; by default the form's fields by name. */
  read?: (form: HTMLFormElement) => unknown;
  send: (input: z.output<Schema>) => Promise<Answer>;
  onDone: (answer: Answer) => void;
  /** Translated field messages; the schema's own words where none is given. */
  fieldMessages?: FieldMessages;
  /** Sentences by error code for this form's workspace, over the editor's shared ones (editor.json "errors"). */
  errorMessages?: Record<string, string>;
};

const fieldsOf = (form: HTMLFormElement) => Object.fromEntries(new FormData(form));

/**
 * A form checked with the same zod schema as its route: field messages come from the schema before
 * sending, or from the server's `details.fields` after; anything else is one message for the form.
 */
export function useApiForm<Schema extends z.ZodType, Answer>({
  schema,
  read = fieldsOf,
  send,
  onDone,
  fieldMessages = {},
  errorMessages,
}: Options<Schema, Answer>) {
  const errorText = useErrorText(errorMessages);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: send,
    onSuccess: onDone,
    onError: (error) => {
      const fields = error instanceof ApiError ? fromApiError(error, fieldMessages) : {};
      setErrors(fields);
      setFormError(Object.keys(fields).length > 0 ? null : errorText(error));
    },
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = schema.safeParse(read(event.currentTarget));
    setFormError(null);
    if (!parsed.success) {
      setErrors(fromZodIssues(parsed.error.issues, fieldMessages));
      return;
    }
    setErrors({});
    mutation.mutate(parsed.data);
  }

  return {
    errors,
    formError,
    pending: mutation.isPending,
    done: mutation.isSuccess,
    answer: mutation.data,
    reset: mutation.reset,
    onSubmit,
  };
}
