import { getTranslations } from "next-intl/server";
import type { EventModel } from "@/components/charts/chart-model";
import { formatAsOf } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/routing";
import { localized } from "@/lib/i18n/localized";

/** The events drawn on the chart, numbered as their markers are. */
export async function ChartEventsList({ events, locale }: { events: EventModel[]; locale: Locale }) {
  if (!events.length) return null;
  const t = await getTranslations({ locale, namespace: "events" });
  return (
    <section className="chart-events-list" aria-labelledby="chart-events-heading">
      <h2 id="chart-events-heading">{t("onChart")}</h2>
      <ol>
        {events.map(({ event, number }) => (
          <li key={event.id} value={number} data-event={event.id}>
            <span className="event-date">
              {formatAsOf(event.startsOn, event.datePrecision, locale)}
              {event.endsOn ? ` – ${formatAsOf(event.endsOn, "day", locale)}` : ""}
            </span>{" "}
            <span className="event-kind">{t(`kinds.${event.kind}`)}</span>: {localized(event, "title", locale)}{" "}
            <a href={event.source.url} rel="noopener noreferrer" className="source-link">
              {event.source.publisher ?? new URL(event.source.url).hostname}
            </a>
          </li>
        ))}
      </ol>
    </section>
  );
}
