import { getTranslations } from "next-intl/server";
import { dateNoteFor } from "@/lib/events/date-note";
import { formatAsOf } from "@/lib/i18n/format";
import { getPathname } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";
import { localized } from "@/lib/i18n/localized";
import { eventLines, VISIBLE_LINES, type EventLine, type NumberedEvent } from "./chart-events-list";
import styles from "./chart-events-list.module.css";
import { SourceLink } from "@/components/sources/SourceLink";
import { getSourceLinkWords, type SourceLinkWords } from "@/components/sources/source-link-text";

type Props = {
  /** The events the chart draws, numbered as its markers are (the chart model's `events`). */
  events: readonly NumberedEvent[];
  /** The indicator of the chart, for the link to all its events. */
  indicatorSlug?: string;
  locale: Locale;
};

type Translate = (key: string, values?: Record<string, string | number>) => string;

type Shared = { locale: Locale; t: Translate; words: SourceLinkWords };

function EventEntry({ item: { event, number }, locale, t, words }: { item: NumberedEvent } & Shared) {
  const note = dateNoteFor(event, locale);
  return (
    <li data-event={event.id} data-kind={event.kind}>
      <span className={styles.number}>{number}</span>{" "}
      <span className="event-date">
        {formatAsOf(event.startsOn, event.datePrecision, locale)}
        {event.endsOn ? ` – ${formatAsOf(event.endsOn, "day", locale)}` : ""}
      </span>{" "}
      <span className="event-kind">{t(`kinds.${event.kind}`)}</span>: {localized(event, "title", locale)}{" "}
      {note ? (
        <span className={styles.note} lang={note.lang}>
          ({note.text}){" "}
        </span>
      ) : null}
      <SourceLink source={event.source} text={words.text} formatDay={words.formatDay}>
        {event.source.publisher ?? new URL(event.source.url).hostname}
      </SourceLink>
    </li>
  );
}

function Line({ line, ...shared }: { line: EventLine } & Shared) {
  const { locale, t } = shared;
  if (line.kind === "event") return <EventEntry item={line.item} {...shared} />;
  const first = line.items[0]!.event;
  const last = line.items.at(-1)!.event;
  return (
    <li data-renewals={line.items.length}>
      <details className={styles.group}>
        <summary>
          {t("list.renewals", {
            count: line.items.length,
            from: formatAsOf(first.startsOn, first.datePrecision === "year" ? "year" : "month", locale),
            to: formatAsOf(last.startsOn, last.datePrecision === "year" ? "year" : "month", locale),
          })}
        </summary>
        <ol className={styles.list} role="list">
          {line.items.map((item) => (
            <EventEntry key={item.event.id} item={item} {...shared} />
          ))}
        </ol>
      </details>
    </li>
  );
}

/**
 * The events drawn on the chart, under it, numbered as their markers are: the first few lines, the
 * rest folded in a <details> (no JavaScript needed), renewals as one line, and a link to all the
 * indicator's events.
 */
export async function ChartEventsList({ events, indicatorSlug, locale }: Props) {
  if (!events.length) return null;
  const [t, words] = await Promise.all([getTranslations({ locale, namespace: "events" }), getSourceLinkWords(locale)]);
  const lines = eventLines(events);
  const shown = lines.slice(0, VISIBLE_LINES);
  const rest = lines.slice(VISIBLE_LINES);
  const lineKey = (line: EventLine) => (line.kind === "event" ? line.item.event.id : "renewals");
  return (
    <section className={`chart-events-list ${styles.section}`} aria-labelledby="chart-events-heading">
      <h2 id="chart-events-heading">{t("onChart")}</h2>
      <ol className={styles.list} role="list">
        {shown.map((line) => (
          <Line key={lineKey(line)} line={line} locale={locale} t={t} words={words} />
        ))}
      </ol>
      {rest.length ? (
        <details className={styles.more}>
          <summary>{t("list.showMore", { count: rest.length })}</summary>
          <ol className={styles.list} role="list">
            {rest.map((line) => (
              <Line key={lineKey(line)} line={line} locale={locale} t={t} words={words} />
            ))}
          </ol>
        </details>
      ) : null}
      {indicatorSlug ? (
        <p className={styles.all}>
          <a href={`${getPathname({ href: "/events", locale })}?indicator=${encodeURIComponent(indicatorSlug)}`}>{t("list.allEvents")}</a>
        </p>
      ) : null}
    </section>
  );
}
