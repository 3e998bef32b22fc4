"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { z } from "zod";
import { callApi } from "@/components/editor/api";
import { errorText, fill } from "@/components/editor/field-errors";
import styles from "./admin.module.css";

export type RevokeLabels = { revoke: string; revokeLabel: string; revokeConfirm: string; revoking: string };

type Props = { token: { id: string; name: string }; labels: RevokeLabels; errorMessages: Record<string, string> };

/** DELETE /api/editor/tokens/[id], after a confirmation naming the token; the list is re-read afterwards. */
export function RevokeTokenButton({ token, labels, errorMessages }: Props) {
  const router = useRouter();
  const mutation = useMutation({
    mutationFn: () => callApi("DELETE", `/api/editor/tokens/${encodeURIComponent(token.id)}`, z.unknown()),
    onSuccess: () => router.refresh(),
  });
  return (
    <>
      <button
        type="button"
        aria-label={fill(labels.revokeLabel, { name: token.name })}
        disabled={mutation.isPending}
        onClick={() => {
          if (window.confirm(fill(labels.revokeConfirm, { name: token.name }))) mutation.mutate();
        }}
      >
        {mutation.isPending ? labels.revoking : labels.revoke}
      </button>
      {mutation.isError ? (
        <span role="alert" className={styles.inlineError}>
          {errorText(mutation.error, errorMessages)}
        </span>
      ) : null}
    </>
  );
}
