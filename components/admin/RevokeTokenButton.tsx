"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { z } from "zod";
import { callApi } from "@/lib/client/api";
import { useErrorText } from "@/components/forms/field-errors";
import styles from "./admin.module.css";

/** DELETE /api/editor/tokens/[id], after a confirmation naming the token; the list is re-read afterwards. */
export function RevokeTokenButton({ token }: { token: { id: string; name: string } }) {
  const t = useTranslations("changes.admin");
  const router = useRouter();
  const errorText = useErrorText();
  const mutation = useMutation({
    mutationFn: () => callApi("DELETE", `/api/editor/tokens/${encodeURIComponent(token.id)}`, z.unknown()),
    onSuccess: () => router.refresh(),
  });
  return (
    <>
      <button
        type="button"
        aria-label={t("tokens.revokeLabel", { name: token.name })}
        disabled={mutation.isPending}
        onClick={() => {
          if (window.confirm(t("tokens.revokeConfirm", { name: token.name }))) mutation.mutate();
        }}
      >
        {mutation.isPending ? t("tokens.revoking") : t("tokens.revoke")}
      </button>
      {mutation.isError ? (
        <span role="alert" className={styles.inlineError}>
          {errorText(mutation.error)}
        </span>
      ) : null}
    </>
  );
}
