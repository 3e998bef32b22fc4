"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { callApi } from "@/lib/client/api";
import { useRouter } from "@/lib/i18n/editor-navigation";
import { useErrorText } from "@/components/forms/field-errors";
import { FormError } from "@/components/forms/FormField";
import { afterPublish, ZPublishedDrafts } from "./review-api";

type Props = {
  batchId: string;
  /** What the reviewer sees of the batch now: a change since refuses the publish (lib/observations/review-stamp.ts). */
  stamp: string;
  /** The queue's filters, kept when the page comes back with its message. */
  returnQuery: Record<string, string>;
};

/** Publishes every draft of an import batch waiting for review, in one request: all or none. */
export function BatchPublishButton({ batchId, stamp, returnQuery }: Props) {
  const t = useTranslations("review");
  const errorText = useErrorText(t.raw("errors") as Record<string, string>);
  const router = useRouter();
  const publish = useMutation({
    mutationFn: () => callApi("POST", "/api/editor/review/publish", ZPublishedDrafts, { importBatchId: batchId, stamp }),
    onSuccess: (result) => {
      router.push(afterPublish(returnQuery, result));
      router.refresh();
    },
  });
  return (
    <div>
      <button type="button" onClick={() => publish.mutate()} disabled={publish.isPending || publish.isSuccess}>
        {publish.isPending ? t("batch.pending") : t("batch.publish")}
      </button>
      <FormError message={publish.isError ? errorText(publish.error) : null} />
    </div>
  );
}
