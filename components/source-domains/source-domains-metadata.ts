import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { isLocale } from "@/lib/i18n/routing";

/** The domain table's title in the reader's language; like every admin page, never indexed. */
export async function sourceDomainsMetadata(params: Promise<{ locale: string }>): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "sourceDomains.domainTable" });
  return { title: t("title"), robots: { index: false, follow: false } };
}
