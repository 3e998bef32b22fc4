import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { FigureReportPage } from "@/components/figure/FigureReportPage";
import { figureWords, findPublicFigure, requirePublicFigure, type FigureRouteProps } from "@/components/figure/figure-request";
import { requireLocale } from "@/lib/i18n/request-locale";
import { isLocale } from "@/lib/i18n/routing";
import type { ReportOutcome } from "@/lib/reports/report-paths";

// Not in lib/public-routes.ts: rendered for each reader, since it reads ?sent and ?error.
export const dynamic = "force-dynamic";

type Props = FigureRouteProps & { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, id } = await params;
  const figure = isLocale(locale) ? await findPublicFigure(id) : null;
  if (!figure || !isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "sourceTrust.figurePage" });
  return { title: t("reportPageTitle", figureWords(figure, locale)), robots: { index: false } };
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

function outcomeOf(query: Record<string, string | string[] | undefined>): ReportOutcome | null {
  if (first(query.sent) === "1") return { sent: true };
  const error = first(query.error);
  if (!error) return null;
  const params = Object.entries(query)
    .filter(([name]) => name.startsWith("p."))
    .map(([name, value]) => [name.slice(2, 34), (first(value) ?? "").slice(0, 64)]);
  return { error: error.slice(0, 64), field: first(query.field)?.slice(0, 64), params: Object.fromEntries(params.slice(0, 5)) };
}

export default async function Page({ params, searchParams }: Props) {
  const locale = await requireLocale(params);
  const figure = await requirePublicFigure((await params).id);
  return <FigureReportPage figure={figure} outcome={outcomeOf(await searchParams)} locale={locale} />;
}
