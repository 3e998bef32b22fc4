import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ChangeLogPage } from "@/components/changes/ChangeLogPage";
import { requireLocale } from "@/lib/i18n/request-locale";
import { isLocale } from "@/lib/i18n/routing";
import { listIndicators } from "@/lib/indicators/queries";
import { changeFeedPath } from "@/lib/changes/public-change-shapes";
import { listPublicChanges } from "@/lib/changes/public-changes";

// Changes appear when reviewers publish; never prerender them at build time.
export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "changes" });
  return {
    title: t("title"),
    description: t("intro"),
    alternates: { types: { "application/atom+xml": [{ url: changeFeedPath(locale), title: t("feedTitle") }] } },
  };
}

export default async function Page({ params }: { params: Promise<{ locale: string }> }) {
  const locale = await requireLocale(params);
  const [changes, indicators] = await Promise.all([listPublicChanges({ limit: 200 }), listIndicators()]);
  return <ChangeLogPage changes={changes} indicators={indicators} locale={locale} />;
}
