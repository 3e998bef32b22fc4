"use client";

import { useRef, useState, useSyncExternalStore, type FormEvent } from "react";
import type { Locale } from "@/lib/i18n/routing";
import { REPORT_MESSAGE_MAX, REPORT_MESSAGE_MIN } from "@/lib/schemas/problem-report-limits";
import type { FieldErrors } from "@/components/forms/field-errors";
import { FormError, FormField } from "@/components/forms/FormField";
import formStyles from "@/components/forms/forms.module.css";
import styles from "./figure.module.css";

export type ReportFormText = {
  labels: Record<
    | "message"
    | "messageHint"
    | "sourceUrl"
    | "sourceUrlHint"
    | "email"
    | "emailHint"
    | "optional"
    | "honeypot"
    | "privacy"
    | "submit"
    | "pending"
    | "sent"
    | "another"
    | "errorSummary",
    string
  >;
  fieldMessages: Record<"message" | "sourceUrl" | "email", string>;
  /** ICU sentences by error code, in the page's language. */
  errorMessages: Record<string, string>;
};

type Props = {
  observationId: string;
  locale: Locale;
  text: ReportFormText;
  /** Set on the page a browser without JavaScript lands on: the outcome it brings. */
  initialError?: { message: string; field?: string } | null;
};

// What checks and sends the form (zod, the route's schema, the API client, ICU error messages) loads on
// the first submit: a reader who only reads the figure never downloads it.
const loadSubmit = () => import("./submit-report");

// No session, no hydration: server HTML must not say "JavaScript ran". Until it has, the browser's own checks
// guard the plain form; once it has, the form checks with the route's schema and says so in the page's words.
const subscribe = () => () => {};
const scripted = () => true;
const unscripted = () => false;

/**
 * A reader reports a problem with a figure: what is wrong, an optional link and an optional email.
 * Without JavaScript it is a plain form posted to /api/reports, which answers with a page saying how it
 * went; with it, the answer shows here. Nothing is cached per reader either way.
 */
export function ReportProblemForm({ observationId, locale, text, initialError = null }: Props) {
  const hydrated = useSyncExternalStore(subscribe, scripted, unscripted);
  const [errors, setErrors] = useState<FieldErrors>(
    initialError?.field && initialError.field in text.fieldMessages
      ? { [initialError.field]: text.fieldMessages[initialError.field as keyof ReportFormText["fieldMessages"]] }
      : {},
  );
  const [formError, setFormError] = useState<string | null>(initialError && !initialError.field ? initialError.message : null);
  const [pending, setPending] = useState(false);
  const [sent, setSent] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const { labels } = text;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    const data = new FormData(event.currentTarget);
    setPending(true);
    try {
      const outcome = await (await loadSubmit()).submitReport(data, text, locale);
      setErrors(outcome.errors);
      setFormError(outcome.formError);
      if (outcome.sent) {
        setSent(true);
        form.current?.reset();
      }
    } catch (error) {
      // The checking code could not be fetched (the connection dropped): nothing was sent, and what was typed stays.
      setFormError(text.errorMessages.network ?? text.errorMessages.internal_error ?? String(error));
    } finally {
      setPending(false);
    }
  }

  if (sent) {
    return (
      <div className={styles.sent}>
        <p role="status">{labels.sent}</p>
        <button type="button" onClick={() => setSent(false)}>
          {labels.another}
        </button>
      </div>
    );
  }

  const optional = labels.optional;
  return (
    <form
      ref={form}
      className={formStyles.form}
      action="/api/reports"
      method="post"
      onSubmit={onSubmit}
      noValidate={hydrated}
      data-report-form=""
    >
      <input type="hidden" name="observationId" value={observationId} />
      <input type="hidden" name="locale" value={locale} />
      <FormError message={formError} />
      <FormField name="message" label={labels.message} hint={labels.messageHint} error={errors.message}>
        {(control) => <textarea {...control} required minLength={REPORT_MESSAGE_MIN} maxLength={REPORT_MESSAGE_MAX} rows={4} />}
      </FormField>
      <FormField name="sourceUrl" label={labels.sourceUrl} optionalLabel={optional} hint={labels.sourceUrlHint} error={errors.sourceUrl}>
        {(control) => <input {...control} type="url" inputMode="url" maxLength={2000} autoComplete="url" />}
      </FormField>
      <FormField name="email" label={labels.email} optionalLabel={optional} hint={labels.emailHint} error={errors.email}>
        {(control) => <input {...control} type="email" maxLength={320} autoComplete="email" />}
      </FormField>
      {/* Out of sight and out of the tab order: people leave it empty, form-filling bots do not. */}
      <div className={styles.honeypot} aria-hidden="true">
        <label>
          {labels.honeypot}
          <input type="text" name="website" tabIndex={-1} autoComplete="off" defaultValue="" />
        </label>
      </div>
      <p className={styles.privacy}>{labels.privacy}</p>
      <div className={formStyles.actions}>
        <button type="submit" disabled={pending}>
          {pending ? labels.pending : labels.submit}
        </button>
      </div>
    </form>
  );
}
