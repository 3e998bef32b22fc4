import type { ReactNode } from "react";
import type { SourceClass } from "@/lib/schemas/enums";

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

export type LinkedSource = {
  url: string;
  class: SourceClass;
  archivedUrl: string | null;
  /** YYYY-MM-DD while the link checker finds the page gone; null otherwise. */
  brokenSince: string | null;
};

/**
 * A source link as every page shows it: the link, its class beside it (a clear marker on a secondary
 * source), and, where the page is gone, the archived copy or the day it went missing. No hooks, so
 * server pages and client islands share it.
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
  const broken = source.brokenSince !== null;
  return (
    <span className="source" data-source-class={source.class}>
      <a href={source.url} rel="noopener noreferrer" className="source-link" data-quoted="" data-broken={broken ? "" : undefined}>
        {children}
      </a>{" "}
      <span className="source-class" data-class={source.class} title={source.class === "secondary" ? text.secondaryNote : undefined}>
        {source.class === "secondary" ? text.secondaryNote : text.classLabel[source.class]}
      </span>
      {broken ? (
        source.archivedUrl ? (
          <>
            {" "}
            <a href={source.archivedUrl} rel="noopener noreferrer" className="source-archived">
              {text.archivedCopy}
            </a>
          </>
        ) : (
          <span className="source-broken"> {text.brokenSince(formatDay(source.brokenSince!))}</span>
        )
      ) : null}
    </span>
  );
}
