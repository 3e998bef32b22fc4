"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { z } from "zod";
import { callApi } from "@/lib/client/api";
import { useErrorText } from "@/components/forms/field-errors";
import type { ReferenceChangeStatus } from "@/lib/schemas/enums";
import formStyles from "@/components/forms/forms.module.css";
import styles from "./reference.module.css";

type Verb = "apply" | "reject" | "withdraw";
const OUTCOME = { apply: "applied", reject: "rejected", withdraw: "withdrawn" } as const satisfies Record<
  Verb,
  Exclude<ReferenceChangeStatus, "pending">
>;

const decide = (id: string, verb: Verb, body: unknown) =>
  callApi("POST", `/api/editor/reference-changes/${encodeURIComponent(id)}/${verb}`, z.unknown(), body);

/** Apply or reject (a reviewer who did not propose it), or withdraw (its author); the page is read again after. */
export function ProposalActions({ id, canApply, canWithdraw }: { id: string; canApply: boolean; canWithdraw: boolean }) {
  const t = useTranslations("reference");
  const router = useRouter();
  const errorText = useErrorText();
  const [busy, setBusy] = useState<Verb | null>(null);
  const [note, setNote] = useState("");
  const [message, setMessage] = useState<{ kind: "done" | "error"; text: string } | null>(null);
  const [, startRefresh] = useTransition();

  async function run(verb: Verb, body: unknown) {
    setBusy(verb);
    setMessage(null);
    try {
      await decide(id, verb, body);
      setMessage({ kind: "done", text: t(`review.done.${OUTCOME[verb]}`) });
      startRefresh(() => router.refresh());
    } catch (error) {
      setMessage({ kind: "error", text: errorText(error) });
    } finally {
      setBusy(null);
    }
  }

  function reject(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void run("reject", { note });
  }

  const noteId = `reject-note-${id}`;
  return (
    <div className={styles.proposalActions}>
      {canApply ? (
        <>
          <button type="button" className={styles.primary} disabled={busy !== null} onClick={() => void run("apply", {})}>
            {busy === "apply" ? t("review.applying") : t("review.apply")}
          </button>
          <form onSubmit={reject} className={styles.rejectForm}>
            <label htmlFor={noteId}>{t("review.rejectNote")}</label>
            <input id={noteId} value={note} onChange={(event) => setNote(event.target.value)} required />
            <button type="submit" disabled={busy !== null}>
              {busy === "reject" ? t("review.rejecting") : t("review.reject")}
            </button>
          </form>
        </>
      ) : null}
      {canWithdraw ? (
        <button type="button" disabled={busy !== null} onClick={() => void run("withdraw", {})}>
          {busy === "withdraw" ? t("review.withdrawing") : t("review.withdraw")}
        </button>
      ) : null}
      {message ? (
        <p role={message.kind === "error" ? "alert" : "status"} className={message.kind === "error" ? formStyles.errorBox : styles.status}>
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
