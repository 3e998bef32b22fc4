import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/routing";
import { localized } from "@/lib/i18n/localized";
import type { IndicatorRow } from "@/lib/indicators/queries";
import type { ListPage } from "@/lib/reference/list-page";
import { ReferenceList } from "./ReferenceList";
import { FiguresLink } from "./FiguresLink";

export async function IndicatorsList({ locale, list }: { locale: Locale; list: ListPage<IndicatorRow> }) {
  const [t, tThemes, tFigures] = await Promise.all([
    getTranslations({ locale, namespace: "reference" }),
    getTranslations({ locale, namespace: "themes" }),
    getTranslations({ locale, namespace: "figures.reference" }),
  ]);
  return (
    <ReferenceList
      locale={locale}
      section="indicators"
      list={list}
      columns={[t("columns.name"), t("columns.slug"), t("columns.theme"), tFigures("figures")]}
      rows={list.rows.map((indicator) => ({
        id: indicator.id,
        cells: [
          localized(indicator, "name", locale),
          <code key="slug">{indicator.slug}</code>,
          tThemes(indicator.theme),
          <FiguresLink key="figures" locale={locale} filter={{ indicator: indicator.slug }} name={localized(indicator, "name", locale)} />,
        ],
      }))}
    />
  );
}
