"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { callApi, ZFigureSnapshot } from "./api";
import { errorText } from "./field-errors";
import { FormError } from "./FormField";

type Props = {
  id: string;
  version: number;
  labels: { button: string; pending: string; done: string };
  errorMessages: Record<string, string>;
  /** Where to show the published figure; without it the current page is read again. */
  redirectTo?: string;
};

/** Publishes a draft or applies a correction; only rendered for someone the server would allow. */
export function PublishButton({ id, version, labels, errorMessages, redirectTo }: Props) {
  const router = useRouter();
  const publish = useMutation({
    mutationFn: () => callApi("POST", `/api/editor/observations/${id}/publish`, ZFigureSnapshot, { version }),
    onSuccess: () => (redirectTo ? router.push(redirectTo) : router.refresh()),
  });
  return (
    <div>
      <button type="button" onClick={() => publish.mutate()} disabled={publish.isPending || publish.isSuccess}>
        {publish.isPending ? labels.pending : labels.button}
      </button>
      <span role="status">{publish.isSuccess ? ` ${labels.done}` : ""}</span>
      <FormError message={publish.isError ? errorText(publish.error, errorMessages) : null} />
    </div>
  );
}
