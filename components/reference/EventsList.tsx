import { getTranslations } from "next-intl/server";
import { formatAsOf } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/routing";
import { localized } from "@/lib/i18n/localized";
import type { EventRow } from "@/lib/events/queries";
import type { ListPage } from "@/lib/reference/list-page";
import { Quoted } from "@/components/text/Quoted";
import { ReferenceList } from "./ReferenceList";

export async function EventsList({ locale, list }: { locale: Locale; list: ListPage<EventRow> }) {
  const [t, tEvents] = await Promise.all([
    getTranslations({ locale, namespace: "reference" }),
    getTranslations({ locale, namespace: "events" }),
  ]);
  return (
    <ReferenceList
      locale={locale}
      section="events"
      list={list}
      columns={[t("columns.title"), t("columns.date"), t("columns.kind")]}
      rows={list.rows.map((event) => ({
        id: event.id,
        cells: [
          <Quoted key="title">{localized(event, "title", locale)}</Quoted>,
          formatAsOf(event.startsOn, event.datePrecision, locale),
          tEvents(`kinds.${event.kind}`),
        ],
      }))}
    />
  );
}
