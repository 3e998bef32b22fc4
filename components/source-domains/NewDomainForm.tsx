"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useRef } from "react";
import { z } from "zod";
import { FormError, FormField } from "@/components/forms/FormField";
import type { FieldMessages } from "@/components/forms/field-errors";
import { useApiForm } from "@/components/forms/use-api-form";
import formStyles from "@/components/forms/forms.module.css";
import { withQuoted } from "@/components/text/Quoted";
import { callApi } from "@/lib/client/api";
import { SOURCE_CLASSES } from "@/lib/schemas/enums";
import { ZSourceDomainInput } from "@/lib/sources/domain-table-input";
import styles from "./source-domains.module.css";

// The route answers the stored row; the table is re-read from the server afterwards.
const ZStoredDomain = z.object({ domain: z.string() });

/** Adds a domain through POST /api/editor/source-domains, which checks it with ZSourceDomainInput and reads it as a host. */
export function NewDomainForm() {
  const t = useTranslations("sourceDomains.domainTable");
  const tClass = useTranslations("sourceDomains.classField");
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const { errors, formError, pending, answer, onSubmit } = useApiForm({
    schema: ZSourceDomainInput,
    send: (input) => callApi("POST", "/api/editor/source-domains", ZStoredDomain, input),
    onDone: () => {
      form.current?.reset();
      router.refresh();
    },
    fieldMessages: t.raw("fieldErrors") as FieldMessages,
  });
  return (
    <form ref={form} className={formStyles.form} onSubmit={onSubmit}>
      <FormError message={formError} />
      {answer ? (
        <p role="status" className={styles.done}>
          {withQuoted((quoted) => t("add.added", quoted), { domain: answer.domain })}
        </p>
      ) : null}
      <FormField name="domain" label={t("add.domain")} hint={t("add.domainHint")} error={errors.domain}>
        {(control) => <input {...control} type="text" autoComplete="off" spellCheck={false} required maxLength={300} />}
      </FormField>
      <FormField name="sourceClass" label={t("add.class")} hint={tClass("hint")} error={errors.sourceClass}>
        {(control) => (
          <select {...control} defaultValue="primary">
            {SOURCE_CLASSES.map((option) => (
              <option key={option} value={option}>
                {tClass(`options.${option}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField name="note" label={t("add.note")} hint={t("add.noteHint")} error={errors.note}>
        {(control) => <input {...control} type="text" autoComplete="off" maxLength={500} />}
      </FormField>
      <div className={formStyles.actions}>
        <button type="submit" className={formStyles.primary} disabled={pending}>
          {pending ? t("add.pending") : t("add.submit")}
        </button>
      </div>
    </form>
  );
}
