import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { isLocale } from "@/lib/i18n/routing";

type TitleKey = "dashboard.title" | "signIn.title" | "setup.title" | "newFigure.title" | "review.title" | "account.title" | "title";

/** A page title in the reader's language, for generateMetadata. */
export async function editorMetadata(params: Promise<{ locale: string }>, key: TitleKey): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "editor" });
  return { title: t(key) };
}
