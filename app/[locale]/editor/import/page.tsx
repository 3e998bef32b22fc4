import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ImportPage } from "@/components/import/ImportPage";
import { getPageActor } from "@/lib/auth/page-session";
import { getPathname, redirect } from "@/lib/i18n/navigation";
import { requireLocale } from "@/lib/i18n/request-locale";
import { isLocale } from "@/lib/i18n/routing";
import { canImportObservations } from "@/lib/auth/permissions";
import { listImportIndicators } from "@/lib/csv-import/import-indicators";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "import" });
  return { title: t("title") };
}

export default async function Page({ params }: Props) {
  const locale = await requireLocale(params);
  const actor = await getPageActor();
  if (!actor) {
    const next = getPathname({ href: "/editor/import", locale });
    redirect({ href: { pathname: "/editor/sign-in", query: { next } }, locale });
  }
  if (!canImportObservations(actor)) notFound();
  const t = await getTranslations({ locale, namespace: "import" });
  return <ImportPage title={t("title")} intro={t("intro")} indicators={await listImportIndicators(locale)} />;
}
