"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent, type ReactNode } from "react";
import { z } from "zod";
import { useErrorText } from "@/components/forms/field-errors";
import { withQuoted } from "@/components/text/Quoted";
import { callApi } from "@/lib/client/api";
import { SOURCE_CLASSES, type SourceClass } from "@/lib/schemas/enums";
import styles from "./source-domains.module.css";

const ZAnswer = z.object({ domain: z.string() });

type Props = { domain: string; sourceClass: SourceClass; note: string | null };

/**
 * One domain's class and note to save, and its removal after a confirmation. Each ends in one sentence
 * saying what happened (or why nothing did); the table is re-read from the server afterwards.
 */
export function DomainRowActions({ domain, sourceClass, note }: Props) {
  const t = useTranslations("sourceDomains.domainTable");
  const tClass = useTranslations("sourceDomains.classField");
  const router = useRouter();
  const errorText = useErrorText();
  const [chosen, setChosen] = useState<SourceClass>(sourceClass);
  const [noteText, setNoteText] = useState(note ?? "");
  const [message, setMessage] = useState<ReactNode>(null);
  const path = `/api/editor/source-domains/${encodeURIComponent(domain)}`;
  const say = (key: "edit.saved" | "edit.deleted") => setMessage(withQuoted((quoted) => t(key, quoted), { domain }));

  const save = useMutation({
    mutationFn: () => callApi("PATCH", path, ZAnswer, { sourceClass: chosen, note: noteText }),
    onMutate: () => setMessage(null),
    onSuccess: () => {
      say("edit.saved");
      router.refresh();
    },
  });
  const remove = useMutation({
    mutationFn: () => callApi("DELETE", path, ZAnswer, {}),
    onMutate: () => setMessage(null),
    onSuccess: () => {
      say("edit.deleted");
      router.refresh();
    },
  });
  const failed = save.error ?? remove.error;
  const busy = save.isPending || remove.isPending;

  function onSave(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    remove.reset();
    save.mutate();
  }

  function onRemove() {
    if (!window.confirm(t("edit.deleteConfirm", { domain }))) return;
    save.reset();
    remove.mutate();
  }

  return (
    <>
      <div className={styles.actions}>
        <form className={styles.rowForm} onSubmit={onSave}>
          <select
            aria-label={t("edit.classLabel", { domain })}
            value={chosen}
            onChange={(event) => setChosen(event.target.value as SourceClass)}
          >
            {SOURCE_CLASSES.map((option) => (
              <option key={option} value={option}>
                {tClass(`names.${option}`)}
              </option>
            ))}
          </select>
          <input
            type="text"
            aria-label={t("edit.noteLabel", { domain })}
            value={noteText}
            maxLength={500}
            onChange={(event) => setNoteText(event.target.value)}
          />
          <button type="submit" disabled={busy}>
            {save.isPending ? t("edit.saving") : t("edit.save")}
          </button>
        </form>
        <button type="button" aria-label={t("edit.deleteLabel", { domain })} disabled={busy} onClick={onRemove}>
          {remove.isPending ? t("edit.deleting") : t("edit.delete")}
        </button>
      </div>
      <div aria-live="polite">
        {message ? (
          <p role="status" className={styles.message}>
            {message}
          </p>
        ) : null}
      </div>
      {failed ? (
        <p role="alert" className={styles.error}>
          {errorText(failed)}
        </p>
      ) : null}
    </>
  );
}
