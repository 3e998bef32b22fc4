import { requireLocale } from "@/lib/i18n/request-locale";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SourcesPage } from "@/components/sources/SourcesPage";
import { isLocale } from "@/lib/i18n/routing";
import { listProducersWithSources } from "@/lib/sources/producers";

// Figures change when editors publish; never prerender them at build time.
export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "sources" });
  return { title: t("title"), description: t("intro") };
}

export default async function Page({ params }: { params: Promise<{ locale: string }> }) {
  const locale = await requireLocale(params);
  const producers = await listProducersWithSources();
  return <SourcesPage producers={producers} locale={locale} />;
}
