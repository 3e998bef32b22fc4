"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { callApi } from "@/lib/client/api";
import { errorText } from "@/components/forms/field-errors";
import { FormError } from "@/components/forms/FormField";
import { ZFigureSnapshot } from "./api";

type Props = {
  id: string;
  version: number;
  /** Where to show the published figure; without it the current page is read again. */
  redirectTo?: string;
};

/** Publishes a draft or applies a correction; only rendered for someone the server would allow. */
export function PublishButton({ id, version, redirectTo }: Props) {
  const t = useTranslations("editor");
  const router = useRouter();
  const publish = useMutation({
    mutationFn: () => callApi("POST", `/api/editor/observations/${id}/publish`, ZFigureSnapshot, { version }),
    onSuccess: () => (redirectTo ? router.push(redirectTo) : router.refresh()),
  });
  return (
    <div>
      <button type="button" onClick={() => publish.mutate()} disabled={publish.isPending || publish.isSuccess}>
        {publish.isPending ? t("publish.pending") : t("publish.button")}
      </button>
      <span role="status">{publish.isSuccess ? ` ${t("publish.done")}` : ""}</span>
      <FormError message={publish.isError ? errorText(publish.error, t.raw("errors") as Record<string, string>) : null} />
    </div>
  );
}
