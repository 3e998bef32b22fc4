import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { DisagreementsPage } from "@/components/indicator/DisagreementsPage";
import { keptSourceClasses } from "@/lib/charts/chart-state";
import { localized } from "@/lib/i18n/localized";
import { requireLocale } from "@/lib/i18n/request-locale";
import { isLocale } from "@/lib/i18n/routing";
import { getIndicatorBySlug } from "@/lib/indicators/queries";
import { parseDisagreementsView } from "@/lib/observations/disagreements-view";
import { listFigureComparisons } from "@/lib/observations/figure-comparisons";

export const dynamic = "force-dynamic";

// ?page=2&sources=firsthand; anything else is ignored, as the response cache's key ignores it
// (lib/public-routes.ts reads the same view).
type Props = {
  params: Promise<{ locale: string; slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Pick<Props, "params">): Promise<Metadata> {
  const { locale, slug } = await params;
  const indicator = isLocale(locale) ? await getIndicatorBySlug(slug) : null;
  if (!indicator || !isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "disagree" });
  return { title: t("pageTitle", { indicator: localized(indicator, "name", locale) }), description: t("intro") };
}

export default async function Page({ params, searchParams }: Props) {
  const locale = await requireLocale(params);
  const indicator = await getIndicatorBySlug((await params).slug);
  if (!indicator) notFound();
  const view = parseDisagreementsView(await searchParams);
  const comparisons = await listFigureComparisons(indicator.id, undefined, keptSourceClasses(view));
  return <DisagreementsPage indicator={indicator} comparisons={comparisons} view={view} locale={locale} />;
}
