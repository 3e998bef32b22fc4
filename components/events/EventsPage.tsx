import { getTranslations } from "next-intl/server";
import type { EventIndicatorRef, PublicEvent } from "@/lib/events/queries";
import { getPathname } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";
import { localized } from "@/lib/i18n/localized";
import { EntryGroup } from "@/components/layout/EntryGroup";
import { EventItem } from "./EventItem";
import styles from "./events.module.css";

type Props = {
  events: PublicEvent[];
  /** The indicators to filter by. */
  indicators: EventIndicatorRef[];
  /** The indicator the list is filtered to, or null for every event. */
  selected: EventIndicatorRef | null;
  locale: Locale;
};

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

export async function EventsPage({ events, indicators, selected, locale }: Props) {
  const t = await getTranslations({ locale, namespace: "events" });
  const path = getPathname({ href: "/events", locale });
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lede">{t("intro")}</p>
      {/* A plain GET form: the filter works without JavaScript and its result has an address to share. */}
      <form method="get" action={path} className={styles.filter} role="search" aria-label={t("filter.label")}>
        <label htmlFor="events-indicator">{t("filter.indicator")}</label>
        <select id="events-indicator" name="indicator" defaultValue={selected?.slug ?? ""}>
          <option value="">{t("filter.all")}</option>
          {indicators.map((indicator) => (
            <option key={indicator.slug} value={indicator.slug}>
              {localized(indicator, "name", locale)}
            </option>
          ))}
        </select>
        <button type="submit">{t("filter.submit")}</button>
      </form>
      {selected ? (
        <p role="status" className={styles.filtered}>
          {t("filter.showing", { indicator: localized(selected, "name", locale), count: events.length })}{" "}
          <a href={path}>{t("filter.showAll")}</a>
        </p>
      ) : null}
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
