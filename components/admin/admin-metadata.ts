import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { isLocale } from "@/lib/i18n/routing";

/** An admin page's title in the reader's language, for generateMetadata; admin pages are never indexed. */
export async function adminMetadata(params: Promise<{ locale: string }>, key: "users.title" | "tokens.title"): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "changes.admin" });
  return { title: t(key), robots: { index: false, follow: false } };
}
