import { getTranslations } from "next-intl/server";
import { formatAsOf } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/routing";
import type { ListPage } from "@/lib/reference/list-page";
import type { SourceRow } from "@/lib/sources/queries";
import { Quoted } from "@/components/text/Quoted";
import { ReferenceList } from "./ReferenceList";
import { FiguresLink } from "./FiguresLink";

export async function SourcesList({ locale, list }: { locale: Locale; list: ListPage<SourceRow> }) {
  const [t, tFigures] = await Promise.all([
    getTranslations({ locale, namespace: "reference" }),
    getTranslations({ locale, namespace: "figures.reference" }),
  ]);
  return (
    <ReferenceList
      locale={locale}
      section="sources"
      list={list}
      columns={[t("columns.url"), t("columns.publisher"), t("columns.publishedAt"), tFigures("figures")]}
      rows={list.rows.map((source) => ({
        id: source.id,
        cells: [
          <Quoted key="url">{source.url}</Quoted>,
          source.publisher ? <Quoted key="publisher">{source.publisher}</Quoted> : "—",
          source.publishedAt ? formatAsOf(source.publishedAt, "day", locale) : "—",
          <FiguresLink key="figures" locale={locale} filter={{ source: source.id }} name={source.publisher ?? source.url} />,
        ],
      }))}
    />
  );
}
