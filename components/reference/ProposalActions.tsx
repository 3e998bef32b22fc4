"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { z } from "zod";
import { ApiError, callApi } from "@/lib/client/api";
import type { ReferenceChangeStatus } from "@/lib/schemas/enums";
import formStyles from "@/components/forms/forms.module.css";
import styles from "./reference.module.css";

export type ProposalActionText = {
  apply: string;
  applying: string;
  reject: string;
  rejecting: string;
  rejectNote: string;
  withdraw: string;
  withdrawing: string;
  done: Record<Exclude<ReferenceChangeStatus, "pending">, string>;
  errors: Record<string, string>;
};

type Verb = "apply" | "reject" | "withdraw";
const OUTCOME = { apply: "applied", reject: "rejected", withdraw: "withdrawn" } as const;

const decide = (id: string, verb: Verb, body: unknown) =>
  callApi("POST", `/api/editor/reference-changes/${encodeURIComponent(id)}/${verb}`, z.unknown(), body);

/** Apply or reject (a reviewer who did not propose it), or withdraw (its author); the page is read again after. */
export function ProposalActions({
  id,
  canApply,
  canWithdraw,
  text,
}: {
  id: string;
  canApply: boolean;
  canWithdraw: boolean;
  text: ProposalActionText;
}) {
  const router = useRouter();
  const [busy, setBusy] = useState<Verb | null>(null);
  const [note, setNote] = useState("");
  const [message, setMessage] = useState<{ kind: "done" | "error"; text: string } | null>(null);
  const [, startRefresh] = useTransition();

  async function run(verb: Verb, body: unknown) {
    setBusy(verb);
    setMessage(null);
    try {
      await decide(id, verb, body);
      setMessage({ kind: "done", text: text.done[OUTCOME[verb]] });
      startRefresh(() => router.refresh());
    } catch (error) {
      const code = error instanceof ApiError ? error.code : "internal_error";
      setMessage({ kind: "error", text: text.errors[code] ?? (error instanceof Error ? error.message : code) });
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
            {busy === "apply" ? text.applying : text.apply}
          </button>
          <form onSubmit={reject} className={styles.rejectForm}>
            <label htmlFor={noteId}>{text.rejectNote}</label>
            <input id={noteId} value={note} onChange={(event) => setNote(event.target.value)} required />
            <button type="submit" disabled={busy !== null}>
              {busy === "reject" ? text.rejecting : text.reject}
            </button>
          </form>
        </>
      ) : null}
      {canWithdraw ? (
        <button type="button" disabled={busy !== null} onClick={() => void run("withdraw", {})}>
          {busy === "withdraw" ? text.withdrawing : text.withdraw}
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
