import "server-only";
import type { AtomFeed } from "./atom";
import { formatAsOf, formatFigure, producerTypeLabel } from "../i18n/format";
import { getPathname } from "../i18n/navigation";
import type { Locale } from "../i18n/routing";
import {
  changeFeedPath,
  changeKind,
  changeLogPath,
  isReferenceChange,
  type ChangeFigure,
  type PublicChange,
  type PublicReferenceChange,
} from "./public-change-shapes";
import { referenceChangeLines, referenceChangeTitle } from "./reference-change-text";

type Translate = (key: string, values?: Record<string, string>) => string;

type Input = {
  changes: PublicChange[];
  indicatorNames: Map<string, string>;
  locale: Locale;
  /** Scheme and host the reader asked for, e.g. https://contraste.example: Atom wants absolute links. */
  origin: string;
  /** next-intl translator of the "changes" namespace. */
  t: Translate;
};

// A public change no reviewer signed was written by the dataset itself (npm run db:seed upgrading it).
const byLine = (change: PublicChange, t: Translate) => t("by", { name: change.reviewer ?? t("datasetActor") });

function figureText(figure: ChangeFigure, locale: Locale, t: Translate): string {
  const producer = `${figure.producer.name} (${producerTypeLabel(figure.producer.type, locale)})`;
  return `${formatFigure(figure, locale)} · ${formatAsOf(figure.asOf, figure.datePrecision, locale)} · ${producer} · ${t("source")}: ${figure.sourceUrl}`;
}

/** The same entries as the change log page, in plain text: what changed, from which source, why, and who reviewed it. */
function summaryOf(change: PublicChange, locale: Locale, t: Translate): string {
  const lines: string[] = [];
  if (isReferenceChange(change)) {
    lines.push(...referenceLines(change, locale, t));
    if (change.reason) lines.push(`${t("reason")}: ${change.reason}`);
    lines.push(byLine(change, t));
    return lines.join("\n");
  }
  const figure = change.after ?? change.before;
  if (changeKind(change.action) === "corrected" && change.before && change.after) {
    lines.push(`${t("before")}: ${figureText(change.before, locale, t)}`, `${t("after")}: ${figureText(change.after, locale, t)}`);
  } else if (figure) {
    lines.push(`${t("figure")}: ${figureText(figure, locale, t)}`);
  }
  if (change.reason) lines.push(`${t("reason")}: ${change.reason}`);
  lines.push(byLine(change, t));
  return lines.join("\n");
}

function referenceLines(change: PublicReferenceChange, locale: Locale, t: Translate): string[] {
  const empty = t("emptyValue");
  return referenceChangeLines(change, locale, t).map((line) =>
    change.before ? `${line.label}: ${line.before ?? empty} → ${line.after ?? empty}` : `${line.label}: ${line.after ?? empty}`,
  );
}

function titleOf(change: PublicChange, name: string | undefined, locale: Locale, t: Translate): string {
  const action = t(`actions.${changeKind(change.action)}`);
  if (isReferenceChange(change)) return t("referenceEntryTitle", { action, subject: referenceChangeTitle(change, locale, t) });
  return t("feedEntryTitle", { action, indicator: name ?? t("unknownIndicator") });
}

export function buildChangeFeed({ changes, indicatorNames, locale, origin, t }: Input): AtomFeed {
  const pageUrl = `${origin}${changeLogPath(locale)}`;
  return {
    id: `urn:contraste:changes:${locale}`,
    title: t("feedTitle"),
    selfUrl: `${origin}${changeFeedPath(locale)}`,
    pageUrl,
    language: locale,
    author: "Contraste",
    updated: new Date(changes[0]?.createdAt ?? Date.now()),
    entries: changes.map((change) => {
      const name = change.indicatorSlug ? indicatorNames.get(change.indicatorSlug) : undefined;
      return {
        id: `urn:contraste:change:${change.id}`,
        title: titleOf(change, name, locale, t),
        updated: new Date(change.createdAt),
        link: name ? `${origin}${getPathname({ href: `/indicators/${change.indicatorSlug}`, locale })}` : `${pageUrl}#change-${change.id}`,
        author: change.reviewer ?? t("datasetActor"),
        summary: summaryOf(change, locale, t),
      };
    }),
  };
}
