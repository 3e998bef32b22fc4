import { getTranslations } from "next-intl/server";
import { producerTypeLabel } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/routing";
import type { ListPage } from "@/lib/reference/list-page";
import type { ProducerRow } from "@/lib/sources/producers";
import { Quoted } from "@/components/text/Quoted";
import { ReferenceList } from "./ReferenceList";
import { FiguresLink } from "./FiguresLink";

export async function ProducersList({ locale, list }: { locale: Locale; list: ListPage<ProducerRow> }) {
  const [t, tFigures] = await Promise.all([
    getTranslations({ locale, namespace: "reference" }),
    getTranslations({ locale, namespace: "figures.reference" }),
  ]);
  return (
    <ReferenceList
      locale={locale}
      section="producers"
      list={list}
      columns={[t("columns.name"), t("columns.type"), tFigures("figures")]}
      rows={list.rows.map((producer) => ({
        id: producer.id,
        cells: [
          <Quoted key="name">{producer.name}</Quoted>,
          producerTypeLabel(producer.type, locale),
          <FiguresLink key="figures" locale={locale} filter={{ producer: producer.id }} name={producer.name} />,
        ],
      }))}
    />
  );
}
