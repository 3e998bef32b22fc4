import { getTranslations } from "next-intl/server";
import { producerTypeLabel } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/routing";
import { localized } from "@/lib/i18n/localized";
import type { FramingRow } from "@/lib/indicators/framings";
import type { ListPage } from "@/lib/reference/list-page";
import { Quoted } from "@/components/text/Quoted";
import { ReferenceList } from "./ReferenceList";

// Long enough to tell framings of one indicator apart in the table.
const excerpt = (text: string) => (text.length > 140 ? `${text.slice(0, 139).trimEnd()}…` : text);

export async function FramingsList({ locale, list }: { locale: Locale; list: ListPage<FramingRow> }) {
  const t = await getTranslations({ locale, namespace: "reference" });
  return (
    <ReferenceList
      locale={locale}
      section="framings"
      list={list}
      columns={[t("columns.summary"), t("columns.indicator"), t("columns.producer")]}
      rows={list.rows.map((framing) => ({
        id: framing.id,
        cells: [
          <Quoted key="summary">{excerpt(localized(framing, "summary", locale))}</Quoted>,
          localized(framing.indicator, "name", locale),
          <span key="producer">
            <Quoted>{framing.producer.name}</Quoted> ({producerTypeLabel(framing.producer.type, locale)})
          </span>,
        ],
      }))}
    />
  );
}
