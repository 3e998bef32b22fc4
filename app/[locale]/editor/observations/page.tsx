import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { FigureList } from "@/components/editor/FigureList";
import { requireEditor } from "@/lib/auth/require-editor";
import { getPathname } from "@/lib/i18n/navigation";
import { requireLocale } from "@/lib/i18n/request-locale";
import { isLocale } from "@/lib/i18n/routing";
import { parseFigureQuery } from "@/lib/observations/figure-filters";
import { listFigureFilterChoices, listFigures } from "@/lib/observations/figure-list";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "figures" });
  return { title: t("list.title") };
}

export default async function Page({ params, searchParams }: Props) {
  const locale = await requireLocale(params);
  const { actor } = await requireEditor(locale, getPathname({ href: "/editor/observations", locale }));
  const query = parseFigureQuery(await searchParams);
  const [figures, choices] = await Promise.all([
    listFigures(actor, query.filters, query.page),
    listFigureFilterChoices(actor, query.filters),
  ]);
  return <FigureList locale={locale} query={query} figures={figures} choices={choices} />;
}
