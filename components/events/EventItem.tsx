import { Fragment } from "react";
import { getTranslations } from "next-intl/server";
import { dateNoteFor } from "@/lib/events/date-note";
import { getPathname } from "@/lib/i18n/navigation";
import type { PublicEvent } from "@/lib/events/queries";
import { formatAsOf } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/routing";
import { localized } from "@/lib/i18n/localized";
import type { DatePrecision } from "@/lib/observations/types";
import entries from "@/components/layout/entries.module.css";
import styles from "./events.module.css";
import { SourceLink } from "@/components/sources/SourceLink";
import { getSourceLinkWords } from "@/components/sources/source-link-text";

/** The machine-readable form of a date known only to its precision: "2022-03-27", "2021-05" or "2021". */
const dateTimeAttribute = (isoDay: string, precision: DatePrecision) =>
  precision === "day" ? isoDay : precision === "month" ? isoDay.slice(0, 7) : isoDay.slice(0, 4);

function EventDate({ event, locale }: { event: PublicEvent; locale: Locale }) {
  const start = (
    <time dateTime={dateTimeAttribute(event.startsOn, event.datePrecision)}>{formatAsOf(event.startsOn, event.datePrecision, locale)}</time>
  );
  if (!event.endsOn) return start;
  return (
    <>
      {start} –{" "}
      <time dateTime={dateTimeAttribute(event.endsOn, event.datePrecision)}>{formatAsOf(event.endsOn, event.datePrecision, locale)}</time>
    </>
  );
}

/** One dated event: what happened, when (as precisely as known), what kind of act it was, which indicators it concerns, and where it is documented. */
export async function EventItem({ event, locale }: { event: PublicEvent; locale: Locale }) {
  const [t, words] = await Promise.all([getTranslations({ locale, namespace: "events" }), getSourceLinkWords(locale)]);
  const linkText = event.source.publisher ?? new URL(event.source.url).hostname;
  const note = dateNoteFor(event, locale);
  return (
    <li className={`${entries.card} ${styles.event}`} data-event={event.id}>
      <h3 className={entries.title}>{localized(event, "title", locale)}</h3>
      <p className={entries.meta}>
        <EventDate event={event} locale={locale} /> ·{" "}
        <span className={entries.badge} data-kind={event.kind}>
          {t(`kinds.${event.kind}`)}
        </span>
      </p>
      {note ? (
        <p className={styles.detail}>
          <span className={styles.label}>{t("note")}:</span> <span lang={note.lang}>{note.text}</span>
        </p>
      ) : null}
      {event.appliesToAll || event.indicators.length ? (
        <p className={styles.detail}>
          <span className={styles.label}>{t("indicators")}:</span>{" "}
          {event.appliesToAll ? (
            t("allIndicators")
          ) : (
            <span className={styles.indicators}>
              {event.indicators.map((indicator, index) => (
                <Fragment key={indicator.slug}>
                  {index > 0 ? ", " : null}
                  <a href={getPathname({ href: `/indicators/${indicator.slug}`, locale })}>{localized(indicator, "name", locale)}</a>
                </Fragment>
              ))}
            </span>
          )}
        </p>
      ) : null}
      <p className={styles.detail}>
        <span className={styles.label}>{t("source")}:</span>{" "}
        <span className={styles.link}>
          <SourceLink source={event.source} text={words.text} formatDay={words.formatDay}>
            {linkText}
          </SourceLink>
        </span>
      </p>
    </li>
  );
}
