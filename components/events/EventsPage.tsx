import { getTranslations } from "next-intl/server";
import type { PublicEvent } from "@/lib/events/queries";
import type { Locale } from "@/lib/i18n/routing";
import { EntryGroup } from "@/components/layout/EntryGroup";
import { EventItem } from "./EventItem";
import styles from "./events.module.css";

type Props = { events: PublicEvent[]; locale: Locale };

/** Events in the order given (oldest first), grouped under the year they start in. */
function byYear(events: PublicEvent[]): [string, PublicEvent[]][] {
  const years = new Map<string, PublicEvent[]>();
  for (const event of events) {
    const year = event.startsOn.slice(0, 4);
    const inYear = years.get(year);
    if (inYear) inYear.push(event);
    else years.set(year, [event]);
  }
  return [...years];
}

export async function EventsPage({ events, locale }: Props) {
  const t = await getTranslations({ locale, namespace: "events" });
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lede">{t("intro")}</p>
      {byYear(events).map(([year, inYear]) => (
        <EntryGroup key={year} id={`year-${year}`} heading={year} ordered listClassName={styles.timeline}>
          {inYear.map((event) => (
            <EventItem key={event.id} event={event} locale={locale} />
          ))}
        </EntryGroup>
      ))}
    </>
  );
}
