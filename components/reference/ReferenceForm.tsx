"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { Fragment, useEffect, useRef, useState, useSyncExternalStore, useTransition, type FormEvent } from "react";
import { ApiError } from "@/lib/client/api";
import { getPathname } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";
import { serverFieldIssues, useErrorText } from "@/components/forms/field-errors";
import { ErrorSummary, FormError, FormField } from "@/components/forms/FormField";
import { saveRecord } from "./api";
import { ConflictNotice } from "./ConflictNotice";
import { ZReferenceReason } from "@/lib/schemas/reference";
import { ENTITIES, type EntityName } from "./entities";
import { FieldControl } from "./FieldControl";
import type { FieldText, FormText } from "./form-text";
import {
  collectErrors,
  initialValues,
  issuesOf,
  readForm,
  toFormValues,
  toInput,
  type FieldErrors,
  type FormRecord,
  type FormValues,
} from "./form-values";
import styles from "./reference.module.css";

type Props = {
  entity: EntityName;
  locale: Locale;
  /** The stored record as the page last read it (null for a new one); the page reads it again after a save or a conflict. */
  record: FormRecord | null;
  fieldText: FieldText;
  text: FormText;
};

const noSubscription = () => () => {};

export function ReferenceForm({ entity, locale, record, fieldText, text }: Props) {
  const spec = ENTITIES[entity];
  const router = useRouter();
  const errorText = useErrorText();
  // Until React has attached the submit handler, a click would send the fields as a GET to this page.
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  // Fields are uncontrolled, so nothing typed before hydration is lost; a new key refills them from `defaults`.
  const [defaults, setDefaults] = useState(() => record?.values ?? initialValues(spec.fields));
  const [fieldsKey, setFieldsKey] = useState(0);
  // The version the fields started from; a PATCH sends it, so an edit made meanwhile is never overwritten.
  const [seenVersion, setSeenVersion] = useState(record?.version ?? null);
  const [submitted, setSubmitted] = useState<FormValues>(defaults);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [conflicted, setConflicted] = useState(false);
  const [saved, setSaved] = useState(false);
  const [reason, setReason] = useState("");
  const [refreshing, startRefresh] = useTransition();
  const summaryRef = useRef<HTMLDivElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  // "Load the current version" removes the button that had focus; the first field takes it instead.
  const focusFirstField = useRef(false);

  useEffect(() => {
    if (Object.keys(errors).length > 0) summaryRef.current?.focus();
  }, [errors]);

  useEffect(() => {
    if (!focusFirstField.current) return;
    focusFirstField.current = false;
    formRef.current?.querySelector<HTMLElement>("input, select, textarea")?.focus();
  }, [fieldsKey]);

  function refill(values: FormValues) {
    setDefaults(values);
    setFieldsKey((key) => key + 1);
  }

  const mutation = useMutation({
    mutationFn: ({ input, reason }: { input: unknown; reason: string }) =>
      record
        ? saveRecord("PATCH", `/api/editor/${spec.section}/${record.id}`, { version: seenVersion, data: input, reason })
        : saveRecord("POST", `/api/editor/${spec.section}`, { data: input, reason }),
    onSuccess: (_proposal, { input }) => {
      // Nothing readers see changed: the form keeps the proposed values (as the server parsed them)
      // and the page, read again, lists the proposal as pending.
      refill(toFormValues(spec.fields, input));
      setReason("");
      setSaved(true);
      startRefresh(() => router.refresh());
    },
    onError: (error) => {
      if (!(error instanceof ApiError)) return setProblem(errorText(error));
      const fieldErrors = collectErrors(serverFieldIssues(error), fieldText.messages);
      setErrors(fieldErrors);
      if (error.status === 409 && record) {
        setConflicted(true);
        startRefresh(() => router.refresh());
      }
      setProblem(Object.keys(fieldErrors).length > 0 ? null : errorText(error));
    },
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    setProblem(null);
    const values = readForm(spec.fields, new FormData(event.currentTarget));
    setSubmitted(values);
    const parsed = spec.schema.safeParse(toInput(spec.fields, values));
    const why = ZReferenceReason.safeParse(reason);
    const issues = [
      ...(parsed.success ? [] : issuesOf(parsed.error)),
      ...(why.success ? [] : issuesOf(why.error).map((issue) => ({ ...issue, path: "reason" }))),
    ];
    if (!parsed.success || !why.success) return setErrors(collectErrors(issues, fieldText.messages));
    setErrors({});
    mutation.mutate({ input: parsed.data, reason: why.data });
  }

  function loadCurrent() {
    if (!record) return;
    focusFirstField.current = true;
    refill(record.values);
    setSeenVersion(record.version);
    setConflicted(false);
    setProblem(null);
    setErrors({});
  }

  const newerVersion = conflicted && record && record.version !== seenVersion ? record : null;
  const busy = mutation.isPending;
  return (
    <form ref={formRef} className={styles.form} noValidate onSubmit={submit} onChange={() => setSaved(false)}>
      <ErrorSummary ref={summaryRef} title={text.errorSummary} errors={errors} labels={{ ...fieldText.labels, reason: text.reasonLabel }} />
      <FormError message={problem}>
        {mutation.error instanceof ApiError && mutation.error.status === 401 ? (
          <>
            {" "}
            <a href={getPathname({ href: "/editor/sign-in", locale })}>{text.signIn}</a>
          </>
        ) : null}
      </FormError>
      {conflicted && refreshing ? <p role="status">{text.conflictWaiting}</p> : null}
      {newerVersion ? (
        <ConflictNotice
          fields={spec.fields}
          current={newerVersion.values}
          yours={submitted}
          fieldText={fieldText}
          text={text}
          onLoadCurrent={loadCurrent}
        />
      ) : null}
      <Fragment key={fieldsKey}>
        {spec.fields.map((field) => (
          <FieldControl
            key={field.name}
            field={field}
            defaultValue={defaults[field.name] ?? ""}
            label={fieldText.labels[field.name] ?? field.name}
            hint={fieldText.hints[field.name]}
            optionalLabel={text.optional}
            options={fieldText.options[field.name] ?? {}}
            error={errors[field.name]}
          />
        ))}
      </Fragment>
      <FormField name="reason" label={text.reasonLabel} hint={text.reasonHint} error={errors.reason}>
        {(control) => <textarea {...control} rows={2} required value={reason} onChange={(event) => setReason(event.target.value)} />}
      </FormField>
      <div className={styles.actions}>
        <button type="submit" className={styles.primary} disabled={!hydrated || busy}>
          {record ? (busy ? text.proposing : text.propose) : busy ? text.proposing : text.proposeNew}
        </button>
        <p role="status" className={styles.status}>
          {saved ? text.proposed : ""}
        </p>
      </div>
      {saved ? (
        <p>
          <a href={getPathname({ href: "/editor/reference/review", locale })}>{text.reviewLink}</a>
        </p>
      ) : null}
    </form>
  );
}
