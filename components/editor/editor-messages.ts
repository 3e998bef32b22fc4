import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/routing";
import type { FieldMessages } from "./field-errors";
import type { EditorMessages } from "./messages";

/** The editor's translator, plus the slices client forms receive as props (they use no i18n hooks). */
export async function getEditorMessages(locale: Locale) {
  const t = await getTranslations({ locale, namespace: "editor" });
  const raw = <Key extends keyof EditorMessages>(key: Key) => t.raw(key) as EditorMessages[Key];
  return {
    t,
    raw,
    errorMessages: t.raw("errors") as Record<string, string>,
    fieldMessages: t.raw("fieldErrors") as FieldMessages,
  };
}
