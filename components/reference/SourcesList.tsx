import { getTranslations } from "next-intl/server";
import { formatAsOf } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/routing";
import type { ListPage } from "@/lib/reference/list-page";
import type { SourceRow } from "@/lib/sources/queries";
import { ReferenceList } from "./ReferenceList";

export async function SourcesList({ locale, list }: { locale: Locale; list: ListPage<SourceRow> }) {
  const t = await getTranslations({ locale, namespace: "reference" });
  return (
    <ReferenceList
      locale={locale}
      section="sources"
      list={list}
      columns={[t("columns.url"), t("columns.publisher"), t("columns.publishedAt")]}
      rows={list.rows.map((source) => ({
        id: source.id,
        cells: [source.url, source.publisher ?? "—", source.publishedAt ? formatAsOf(source.publishedAt, "day", locale) : "—"],
      }))}
    />
  );
}
