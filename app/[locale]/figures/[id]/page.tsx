import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { FigurePage } from "@/components/figure/FigurePage";
import {
  figurePageUrl,
  figureWords,
  findPublicFigure,
  requirePublicFigure,
  type FigureRouteProps,
} from "@/components/figure/figure-request";
import { requireLocale } from "@/lib/i18n/request-locale";
import { isLocale } from "@/lib/i18n/routing";
import { listPublicFigureHistory } from "@/lib/observations/public-figure";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: FigureRouteProps): Promise<Metadata> {
  const { locale, id } = await params;
  const figure = isLocale(locale) ? await findPublicFigure(id) : null;
  if (!figure || !isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "sourceTrust.figurePage" });
  const words = figureWords(figure, locale);
  return { title: t("metaTitle", words), description: t("metaDescription", words) };
}

export default async function Page({ params }: FigureRouteProps) {
  const locale = await requireLocale(params);
  const { id } = await params;
  const figure = await requirePublicFigure(id);
  const [history, pageUrl] = await Promise.all([listPublicFigureHistory(figure.id), figurePageUrl(locale, figure.id)]);
  return <FigurePage figure={figure} history={history} pageUrl={pageUrl} locale={locale} />;
}
