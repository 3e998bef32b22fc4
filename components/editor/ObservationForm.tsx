"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { ApiError, callApi } from "@/lib/client/api";
import { PRODUCER_TYPE_LABELS } from "@/lib/i18n/format";
import { Link, useRouter } from "@/lib/i18n/editor-navigation";
import type { Locale } from "@/lib/i18n/routing";
import type { ProducerType } from "@/lib/observations/types";
import { ZObservationInput, ZReason, ZUpdateObservation } from "@/lib/schemas/observation";
import { errorText, fromApiError, fromZodIssues, type FieldErrors, type FieldMessages } from "@/components/forms/field-errors";
import { ErrorSummary, FormError, FormField } from "@/components/forms/FormField";
import { ZConflictDetails, ZFigureSnapshot, type FigureSnapshot } from "./api";
import { ConflictNotice } from "./ConflictNotice";
import { withQuoted } from "@/components/text/Quoted";
import formStyles from "@/components/forms/forms.module.css";
import type { EditorMessages } from "./messages";
import { ObservationFields } from "./ObservationFields";
import { snapshotToFormValues, toObservationInput, type ObservationField, type ObservationFormValues } from "./observation-form-values";

/** What the form saves to: a new draft, or an existing figure at the version the page showed. */
export type FormTarget = { kind: "create" } | { kind: "edit"; id: string; version: number; status: "draft" | "published" };

type Props = {
  locale: Locale;
  target: FormTarget;
  initial: ObservationFormValues;
  indicators: { slug: string; name: string }[];
  producers: { name: string; type: ProducerType }[];
};

type SaveRequest = { url: string; method: "POST" | "PATCH"; body: unknown };

export function ObservationForm({ locale, target, initial, indicators, producers }: Props) {
  const t = useTranslations("editor");
  const labels = t.raw("form") as EditorMessages["form"];
  const fieldMessages = t.raw("fieldErrors") as FieldMessages;
  const errorMessages = t.raw("errors") as Record<string, string>;
  const tFigures = useTranslations("figures.form");
  const router = useRouter();
  const [values, setValues] = useState(initial);
  const [reason, setReason] = useState("");
  // The version and status the next save is based on; changes only when the user picks it in a conflict.
  const [base, setBase] = useState(target.kind === "edit" ? { version: target.version, status: target.status } : null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<FigureSnapshot | null>(null);
  const [pendingDraftId, setPendingDraftId] = useState<string | null>(null);

  const save = useMutation({
    mutationFn: ({ url, method, body }: SaveRequest) => callApi(method, url, ZFigureSnapshot, body),
    // The version in the address makes every save a new URL, so the page is read again from the server.
    onSuccess: (saved) => router.push({ pathname: `/editor/observations/${saved.id}`, query: { saved: saved.version } }),
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409) {
        const details = ZConflictDetails.safeParse(error.details ?? {});
        if (details.success && details.data.current) return setConflict(details.data.current);
        if (details.success && details.data.pendingDraftId) return setPendingDraftId(details.data.pendingDraftId);
      }
      const fields = error instanceof ApiError ? fromApiError(error, fieldMessages, "observation.") : {};
      setErrors(fields);
      setFormError(Object.keys(fields).length > 0 ? null : errorText(error, errorMessages));
    },
  });

  const isCorrection = base?.status === "published";
  const onChange = (field: ObservationField, value: string) => setValues((previous) => ({ ...previous, [field]: value }));

  /** Checks with the routes' own schemas, then sends; `version` is the stored version the change applies to. */
  function submit(version: number | undefined) {
    setFormError(null);
    setConflict(null);
    setPendingDraftId(null);
    const observation = toObservationInput(values);
    if (target.kind === "create" || version === undefined) {
      const parsed = ZObservationInput.safeParse(observation);
      if (!parsed.success) return setErrors(fromZodIssues(parsed.error.issues, fieldMessages));
      setErrors({});
      return save.mutate({ url: "/api/editor/observations", method: "POST", body: parsed.data });
    }
    const parsed = ZUpdateObservation.safeParse({ version, observation, reason: reason.trim() || null });
    // A published figure is only ever corrected with a reason readers can see.
    const reasonIssues = isCorrection
      ? (ZReason.safeParse(reason).error?.issues ?? []).map((issue) => ({ ...issue, path: ["reason"] }))
      : [];
    const issues = [...(parsed.error?.issues ?? []), ...reasonIssues];
    if (!parsed.success || issues.length > 0) return setErrors(fromZodIssues(issues, fieldMessages, "observation."));
    setErrors({});
    save.mutate({ url: `/api/editor/observations/${target.id}`, method: "PATCH", body: parsed.data });
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    submit(base?.version);
  }

  function reapply(current: FigureSnapshot) {
    setBase({ version: current.version, status: current.status === "published" ? "published" : "draft" });
    // A draft that was published meanwhile needs a reason first: the form stays open for it.
    if (current.status === "draft") submit(current.version);
    else setConflict(null);
  }

  function loadCurrent(current: FigureSnapshot) {
    setValues(snapshotToFormValues(current));
    setBase({ version: current.version, status: current.status === "published" ? "published" : "draft" });
    setConflict(null);
    setErrors({});
  }

  const fieldLabels: Record<string, string> = {
    indicatorSlug: labels.indicator,
    value: labels.value,
    valueMax: labels.valueMax,
    qualifier: labels.qualifier,
    asOf: labels.asOf,
    datePrecision: labels.datePrecision,
    "producer.name": labels.producerName,
    "producer.type": labels.producerType,
    "source.url": labels.sourceUrl,
    "source.publisher": labels.sourcePublisher,
    "source.publishedAt": labels.sourcePublishedAt,
    attribution: labels.attribution,
    noteEn: labels.noteEn,
    noteEs: labels.noteEs,
    reason: isCorrection ? labels.reasonRequired : labels.reason,
  };
  const submitLabel = target.kind === "create" ? labels.create : isCorrection ? labels.proposeCorrection : labels.save;

  return (
    <form className={formStyles.form} onSubmit={onSubmit} noValidate>
      {conflict ? (
        <ConflictNotice
          current={conflict}
          locale={locale}
          pending={save.isPending}
          onReapply={() => reapply(conflict)}
          onLoadCurrent={() => loadCurrent(conflict)}
        />
      ) : null}
      {pendingDraftId ? (
        <p role="alert" className={formStyles.errorBox}>
          {labels.pendingCorrection} <Link href={`/editor/observations/${pendingDraftId}`}>{labels.openPending}</Link>
        </p>
      ) : null}
      <FormError message={formError} />
      <ErrorSummary title={labels.fieldsNeedAttention} errors={errors} labels={fieldLabels} />
      <ObservationFields
        values={values}
        errors={errors}
        onChange={onChange}
        indicators={indicators}
        producers={producers}
        producerTypeLabels={PRODUCER_TYPE_LABELS[locale]}
        labels={labels}
        extraLabels={{
          chooseProducerType: tFigures("chooseProducerType"),
          producerTypeHint: tFigures("producerTypeHint"),
          // The suggestion is made of the producer and publisher as typed: data, marked as quoted.
          attributionSuggestion: (suggestion) => withQuoted((values) => tFigures("attributionSuggestion", values), { suggestion }),
        }}
      />
      {target.kind === "edit" ? (
        <FormField
          name="reason"
          label={fieldLabels.reason ?? labels.reason}
          hint={isCorrection ? labels.reasonRequiredHint : labels.reasonHint}
          optionalLabel={isCorrection ? undefined : labels.optional}
          error={errors.reason}
        >
          {(control) => (
            <textarea {...control} value={reason} onChange={(event) => setReason(event.target.value)} required={isCorrection} />
          )}
        </FormField>
      ) : null}
      <div className={formStyles.actions}>
        <button type="submit" className={formStyles.primary} disabled={save.isPending || save.isSuccess}>
          {save.isPending || save.isSuccess ? labels.pending : submitLabel}
        </button>
      </div>
    </form>
  );
}
