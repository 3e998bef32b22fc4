import type { AtomFeed } from "./atom";
import { formatAsOf, formatFigure, producerTypeLabel } from "./format";
import type { Locale } from "./i18n/routing";
import { changeFeedPath, changeKind, changeLogPath, type ChangeFigure, type PublicChange } from "./public-changes";

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

function figureText(figure: ChangeFigure, locale: Locale, t: Translate): string {
  const producer = `${figure.producer.name} (${producerTypeLabel(figure.producer.type, locale)})`;
  return `${formatFigure(figure, locale)} · ${formatAsOf(figure.asOf, figure.datePrecision, locale)} · ${producer} · ${t("source")}: ${figure.sourceUrl}`;
}

/** The same entries as the change log page, in plain text: what changed, from which source, why, and who reviewed it. */
function summaryOf(change: PublicChange, locale: Locale, t: Translate): string {
  const lines: string[] = [];
  const figure = change.after ?? change.before;
  if (changeKind(change.action) === "corrected" && change.before && change.after) {
    lines.push(`${t("before")}: ${figureText(change.before, locale, t)}`, `${t("after")}: ${figureText(change.after, locale, t)}`);
  } else if (figure) {
    lines.push(`${t("figure")}: ${figureText(figure, locale, t)}`);
  }
  if (change.reason) lines.push(`${t("reason")}: ${change.reason}`);
  if (change.reviewer) lines.push(t("by", { name: change.reviewer }));
  return lines.join("\n");
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
        title: t("feedEntryTitle", { action: t(`actions.${changeKind(change.action)}`), indicator: name ?? t("unknownIndicator") }),
        updated: new Date(change.createdAt),
        link: name ? `${origin}/${locale}/indicators/${change.indicatorSlug}` : `${pageUrl}#change-${change.id}`,
        author: change.reviewer,
        summary: summaryOf(change, locale, t),
      };
    }),
  };
}
