import { getTranslations } from "next-intl/server";
import type { EventIndicatorRef, PublicEvent, PublicEventPage } from "@/lib/events/queries";
import { eventsViewQuery } from "@/lib/events/events-view-state";
import { getPathname } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";
import { localized } from "@/lib/i18n/localized";
import { EntryGroup } from "@/components/layout/EntryGroup";
import { Pager } from "@/components/sources/Pager";
import { EventItem } from "./EventItem";
import styles from "./events.module.css";

type Props = {
  /** One page of the timeline. */
  events: PublicEventPage;
  /** The indicators to filter by. */
  indicators: EventIndicatorRef[];
  /** The indicator the list is filtered to, or null for every event. */
  selected: EventIndicatorRef | null;
  locale: Locale;
};

/** Events in the order given (newest first), grouped under the year they start in. */
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

/** The timeline's address for a page, written as the response cache keys it; it opens on the list. */
const pageHref = (path: string, indicator: string | null, page: number) =>
  `${path}${eventsViewQuery({ indicator, page })}#${EVENT_LIST_ID}`;

const EVENT_LIST_ID = "event-list";

export async function EventsPage({ events: page, indicators, selected, locale }: Props) {
  const t = await getTranslations({ locale, namespace: "events" });
  const path = getPathname({ href: "/events", locale });
  const { events } = page;
  const first = (page.page - 1) * page.pageSize + 1;
  const pager = (
    <Pager
      page={page.page}
      pageCount={page.pageCount}
      href={(number) => pageHref(path, selected?.slug ?? null, number)}
      words={{
        pages: t("pages.label"),
        previous: t("pages.previous"),
        next: t("pages.next"),
        position: t("pages.position", { page: page.page, count: page.pageCount }),
      }}
    />
  );
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
          {t("filter.showing", { indicator: localized(selected, "name", locale), count: page.total })}{" "}
          <a href={path}>{t("filter.showAll")}</a>
        </p>
      ) : null}
      {events.length ? (
        <p className={styles.range} id={EVENT_LIST_ID}>
          {t("pages.range", { first, last: first + events.length - 1, total: page.total })}
        </p>
      ) : null}
      {byYear(events).map(([year, inYear]) => (
        <EntryGroup key={year} id={`year-${year}`} heading={year} ordered listClassName={styles.timeline}>
          {inYear.map((event) => (
            <EventItem key={event.id} event={event} locale={locale} />
          ))}
        </EntryGroup>
      ))}
      {pager}
    </>
  );
}
