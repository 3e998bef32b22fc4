"use client";

import { useMutation } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent, type ReactNode } from "react";
import { z } from "zod";
import { useErrorText } from "@/components/forms/field-errors";
import { withQuoted } from "@/components/text/Quoted";
import { callApi } from "@/lib/client/api";
import type { Locale } from "@/lib/i18n/routing";
import { ZRole, type Role } from "@/lib/schemas/enums";
import { UserResetLink } from "./UserResetLink";
import styles from "./UserAdmin.module.css";

export type ManagedUser = { id: string; displayName: string; role: Role; active: boolean };

const ZAccess = z.object({ id: z.string(), role: ZRole, disabledAt: z.string().nullable() });
const ZResetLink = z.object({ url: z.string(), path: z.string(), expiresAt: z.string() });

// In the order the select lists them, the least powerful role first.
const ROLE_ORDER = [ZRole.enum.editor, ZRole.enum.reviewer, ZRole.enum.admin] satisfies readonly Role[];

type Props = {
  user: ManagedUser;
  /** This row is the admin looking at the page. */
  isSelf: boolean;
  /** The editor's start page, where an admin who locked themself out goes next. */
  startPage: string;
};

/**
 * One user's row of actions: a role to save, deactivation or reactivation after a confirmation, and a
 * one-time password link. Each action ends in one sentence saying what happened (or why nothing did);
 * the list is re-read from the server afterwards. An admin who deactivates or demotes themself is
 * warned first and then leaves for the editor's start page, which they may no longer see as before.
 */
export function UserActions({ user, isSelf, startPage }: Props) {
  const t = useTranslations("users");
  const roles = useTranslations("editor.roles");
  const locale = useLocale() as Locale;
  const router = useRouter();
  const [role, setRole] = useState<Role>(user.role);
  const [message, setMessage] = useState<ReactNode>(null);
  const [link, setLink] = useState<z.infer<typeof ZResetLink> | null>(null);
  const name = user.displayName;
  const say = (key: "roleChanged" | "roleUnchanged" | "deactivated" | "reactivated", values: Record<string, string> = {}) =>
    setMessage(withQuoted((quoted) => t(`done.${key}`, { ...quoted, ...values }), { name }));

  const access = useMutation({
    mutationFn: (change: { role?: Role; active?: boolean }) =>
      callApi("PATCH", `/api/editor/users/${encodeURIComponent(user.id)}`, ZAccess, change),
    onMutate: () => setMessage(null),
    onSuccess: (answer, change) => {
      if (isSelf && (answer.disabledAt !== null || answer.role !== "admin")) {
        // A full load: the header's links change with the role, and a deactivated admin's session is gone.
        window.location.assign(startPage);
        return;
      }
      if (change.role !== undefined) {
        say(answer.role === user.role ? "roleUnchanged" : "roleChanged", { role: roles(answer.role) });
      } else {
        say(answer.disabledAt ? "deactivated" : "reactivated");
        setLink(null);
      }
      router.refresh();
    },
  });
  const resetLink = useMutation({
    mutationFn: () => callApi("POST", `/api/editor/users/${encodeURIComponent(user.id)}/password-reset`, ZResetLink, { locale }),
    onMutate: () => setMessage(null),
    onSuccess: (answer) => setLink(answer),
  });
  const failed = access.error ?? resetLink.error;
  const busy = access.isPending || resetLink.isPending;
  const errorText = useErrorText(t.raw("errors") as Record<string, string>);

  function saveRole(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isSelf && role !== "admin" && !window.confirm(t("actions.demoteSelfConfirm", { role: roles(role) }))) return;
    resetLink.reset();
    access.mutate({ role });
  }

  function toggleActive() {
    const key = !user.active ? "reactivateConfirm" : isSelf ? "deactivateSelfConfirm" : "deactivateConfirm";
    if (!window.confirm(t(`actions.${key}`, { name }))) return;
    resetLink.reset();
    access.mutate({ active: !user.active });
  }

  function createLink() {
    if (!window.confirm(t("actions.resetLinkConfirm", { name }))) return;
    access.reset();
    resetLink.mutate();
  }

  return (
    <>
      <div className={styles.actions}>
        <form className={styles.roleForm} onSubmit={saveRole}>
          <select aria-label={t("actions.roleLabel", { name })} value={role} onChange={(event) => setRole(event.target.value as Role)}>
            {ROLE_ORDER.map((option) => (
              <option key={option} value={option}>
                {roles(option)}
              </option>
            ))}
          </select>
          <button type="submit" disabled={busy}>
            {access.isPending && access.variables?.role !== undefined ? t("actions.savingRole") : t("actions.saveRole")}
          </button>
        </form>
        <button
          type="button"
          aria-label={t(user.active ? "actions.deactivateLabel" : "actions.reactivateLabel", { name })}
          disabled={busy}
          onClick={toggleActive}
        >
          {access.isPending && access.variables?.active !== undefined
            ? t("actions.working")
            : t(user.active ? "actions.deactivate" : "actions.reactivate")}
        </button>
        {user.active ? (
          <button type="button" aria-label={t("actions.resetLinkLabel", { name })} disabled={busy} onClick={createLink}>
            {resetLink.isPending ? t("actions.working") : t("actions.resetLink")}
          </button>
        ) : null}
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
      {link ? <UserResetLink name={name} link={link} locale={locale} onDismiss={() => setLink(null)} /> : null}
    </>
  );
}
