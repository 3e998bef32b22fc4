import { useId, type ReactNode } from "react";
import type { SourceClass } from "@/lib/schemas/enums";
import styles from "./source-link.module.css";

/** The words a source link needs, in the page's language (server pages and client islands pass them alike). */
export type SourceLinkText = {
  /** Short class labels: "fuente primaria", "prensa", "vía agregador". */
  classLabel: Record<SourceClass, string>;
  /** The longer explanation of a secondary source: "via aggregator; the original was not available". */
  secondaryNote: string;
  /** "archived copy" */
  archivedCopy: string;
  /** "link broken since {date}", with the date already formatted. */
  brokenSince: (date: string) => string;
};

/** SourceLinkText as plain strings, for a client island ("{date}" stands for the day in brokenSince). */
export type PlainSourceLinkText = Omit<SourceLinkText, "brokenSince"> & { brokenSince: string };

export const sourceLinkText = (plain: PlainSourceLinkText): SourceLinkText => ({
  ...plain,
  brokenSince: (date) => plain.brokenSince.replace("{date}", date),
});

export type LinkedSource = {
  url: string;
  class: SourceClass;
  archivedUrl: string | null;
  /** YYYY-MM-DD while the link checker finds the page gone; null otherwise. */
  brokenSince: string | null;
};

/**
 * A source link as every page shows it: the link, its class beside it (a clear marker on a secondary
 * source), and, where the page is gone, the archived copy or the day it went missing. Server pages
 * and client islands share it (its one hook, useId, works in both).
 *
 * The secondary marker is a short label; its full sentence is the button's accessible name and opens
 * in a popover on a tap or a click (the HTML popover attribute: no script, and a title is unreachable
 * on touch screens).
 */
export function SourceLink({
  source,
  children,
  text,
  formatDay,
}: {
  source: LinkedSource;
  children: ReactNode;
  text: SourceLinkText;
  formatDay: (isoDay: string) => string;
}) {
  const noteId = `source-note-${useId().replace(/[^A-Za-z0-9_-]/g, "")}`;
  const broken = source.brokenSince !== null;
  return (
    <span className={styles.source} data-source-class={source.class} data-link-broken={broken ? "" : undefined}>
      <a
        href={source.url}
        rel="noopener noreferrer"
        className={`source-link ${styles.link}`}
        data-quoted=""
        data-broken={broken ? "" : undefined}
      >
        {children}
      </a>{" "}
      {source.class === "secondary" ? (
        <>
          <button
            type="button"
            className={`${styles.marker} ${styles.secondary}`}
            data-class="secondary"
            popoverTarget={noteId}
            aria-label={text.secondaryNote}
          >
            <svg className={styles.icon} width="0.9em" height="0.9em" viewBox="0 0 16 16" aria-hidden="true">
              <path d="M5.5 1.5h9v9h-9z M2 5v9.5h9.5" fill="none" stroke="currentColor" strokeWidth="1.6" />
            </svg>
            {text.classLabel.secondary}
          </button>
          <span popover="auto" id={noteId} className={styles.note} role="note">
            {text.secondaryNote}
          </span>
        </>
      ) : (
        <span className={styles.marker} data-class={source.class}>
          {text.classLabel[source.class]}
        </span>
      )}
      {broken ? (
        <span className={styles.broken} data-testid="source-broken">
          {" "}
          {text.brokenSince(formatDay(source.brokenSince!))}
          {source.archivedUrl ? (
            <>
              {" · "}
              <a href={source.archivedUrl} rel="noopener noreferrer" className={styles.archived} data-archived="">
                {text.archivedCopy}
              </a>
            </>
          ) : null}
        </span>
      ) : null}
    </span>
  );
}
