import { getTranslations } from "next-intl/server";
import { getPathname } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";
import { figurePagePath } from "@/lib/reports/report-paths";
import { domainOf } from "@/lib/sources/source-domains";
import type { CitingFigures, OverviewSource } from "@/lib/sources/source-overview";
import { Quoted } from "@/components/text/Quoted";
import { SourceLink } from "./SourceLink";
import type { SourceLinkWords } from "./source-link-text";
import styles from "./sources.module.css";

/** Where the figures a source supports are: the figure's own page, or its indicator's table; null when they span several indicators. */
const figuresHref = (figures: CitingFigures | null, locale: Locale): string | null =>
  figures?.figureId
    ? figurePagePath(locale, figures.figureId)
    : figures?.indicatorSlug
      ? `${getPathname({ href: `/indicators/${figures.indicatorSlug}`, locale })}?view=table`
      : null;

type Props = { source: OverviewSource; citedBy: "figures" | "events"; words: SourceLinkWords; locale: Locale };

/** One document: its link with its class, the site it is on (what a reader judges a republication by) and what it supports. */
export async function SourceItem({ source, citedBy, words, locale }: Props) {
  const t = await getTranslations({ locale, namespace: "sourceTrust.sourcesPage" });
  const host = domainOf(source.url);
  const cites = citedBy === "events" ? t("sourceEvents", { count: source.cites }) : t("sourceFigures", { count: source.cites });
  const href = citedBy === "figures" ? figuresHref(source.figures, locale) : null;
  return (
    <li data-source="">
      <SourceLink
        source={{ url: source.url, class: source.sourceClass, archivedUrl: source.archivedUrl, brokenSince: source.brokenSince }}
        text={words.text}
        formatDay={words.formatDay}
      >
        {source.publisher ?? host ?? source.url}
      </SourceLink>
      <span className={styles.meta}>
        {host && host !== source.publisher ? (
          <>
            {" · "}
            <Quoted>{host}</Quoted>
          </>
        ) : null}
        {" · "}
        {href ? (
          <a href={href} data-figures-link="">
            {cites}
          </a>
        ) : (
          cites
        )}
      </span>
    </li>
  );
}
