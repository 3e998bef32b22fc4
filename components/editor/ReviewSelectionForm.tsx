"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRef, useState, type ReactNode } from "react";
import { callApi } from "@/lib/client/api";
import { useRouter } from "@/lib/i18n/editor-navigation";
import { useErrorText } from "@/components/forms/field-errors";
import { FormError } from "@/components/forms/FormField";
import formStyles from "@/components/forms/forms.module.css";
import { afterPublish, ZPublishedDrafts } from "./review-api";

/** The name of each row's checkbox; its value is "id:version", what the reviewer saw of the draft. */
export const SELECTED_DRAFT = "draft";

const selectedDrafts = (form: HTMLFormElement) =>
  new FormData(form).getAll(SELECTED_DRAFT).map((value) => {
    const [id = "", version = ""] = String(value).split(":");
    return { id, version: Number(version) };
  });

type Props = {
  children: ReactNode;
  returnQuery: Record<string, string>;
  /** Some draft on this page may be published by this reviewer; without one, there is nothing to select. */
  selectable: boolean;
};

/**
 * The queue's page of drafts (rendered on the server, as children) with a checkbox on each row, and
 * one action that publishes the checked ones together: all or none.
 */
export function ReviewSelectionForm({ children, returnQuery, selectable }: Props) {
  const t = useTranslations("review");
  const errorText = useErrorText(t.raw("errors") as Record<string, string>);
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const [count, setCount] = useState(0);
  const [empty, setEmpty] = useState(false);
  const publish = useMutation({
    mutationFn: (drafts: { id: string; version: number }[]) => callApi("POST", "/api/editor/review/publish", ZPublishedDrafts, { drafts }),
    onSuccess: (result) => {
      setCount(0);
      router.push(afterPublish(returnQuery, result));
      router.refresh();
    },
  });
  const boxes = () => [...(form.current?.querySelectorAll<HTMLInputElement>(`input[name="${SELECTED_DRAFT}"]`) ?? [])];
  const recount = () => {
    setCount(boxes().filter((box) => box.checked).length);
    setEmpty(false);
  };
  return (
    <form
      ref={form}
      onChange={recount}
      onSubmit={(event) => {
        event.preventDefault();
        const drafts = selectedDrafts(event.currentTarget);
        if (drafts.length === 0) return setEmpty(true);
        publish.mutate(drafts);
      }}
    >
      {selectable ? (
        <div className={formStyles.actions}>
          <label>
            <input
              type="checkbox"
              onChange={(event) => {
                for (const box of boxes()) box.checked = event.target.checked;
              }}
            />{" "}
            {t("selection.selectPage")}
          </label>
          <button type="submit" disabled={publish.isPending}>
            {publish.isPending ? t("selection.pending") : t("selection.publish", { count })}
          </button>
        </div>
      ) : null}
      <FormError message={empty ? t("selection.none") : publish.isError ? errorText(publish.error) : null} />
      {children}
    </form>
  );
}
