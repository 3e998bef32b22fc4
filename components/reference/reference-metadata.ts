import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { isLocale } from "@/lib/i18n/routing";

type Params = { params: Promise<{ locale: string }> };

/** generateMetadata for a reference page: its title from reference.json; editor pages stay out of search engines. */
export function referenceMetadata(titleKey: string) {
  return async function generateMetadata({ params }: Params): Promise<Metadata> {
    const { locale } = await params;
    if (!isLocale(locale)) return {};
    const t = await getTranslations({ locale, namespace: "reference" });
    return { title: t(titleKey), robots: { index: false, follow: false } };
  };
}
