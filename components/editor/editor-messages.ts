import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/routing";
import type { EditorMessages } from "./messages";

/** The editor's translator, and its typed slices for the server components that pass labels to FigureFacts. */
export async function getEditorMessages(locale: Locale) {
  const t = await getTranslations({ locale, namespace: "editor" });
  const raw = <Key extends keyof EditorMessages>(key: Key) => t.raw(key) as EditorMessages[Key];
  return { t, raw };
}
