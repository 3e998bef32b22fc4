import { getTranslations } from "next-intl/server";
import { producerTypeLabel } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/routing";
import type { ListPage } from "@/lib/reference/list-page";
import type { ProducerRow } from "@/lib/sources/producers";
import { ReferenceList } from "./ReferenceList";

export async function ProducersList({ locale, list }: { locale: Locale; list: ListPage<ProducerRow> }) {
  const t = await getTranslations({ locale, namespace: "reference" });
  return (
    <ReferenceList
      locale={locale}
      section="producers"
      list={list}
      columns={[t("columns.name"), t("columns.type")]}
      rows={list.rows.map((producer) => ({ id: producer.id, cells: [producer.name, producerTypeLabel(producer.type, locale)] }))}
    />
  );
}
