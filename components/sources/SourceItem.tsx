import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/routing";
import { domainOf } from "@/lib/sources/source-domains";
import type { OverviewSource } from "@/lib/sources/source-overview";
import { Quoted } from "@/components/text/Quoted";
import { SourceLink } from "./SourceLink";
import type { SourceLinkWords } from "./source-link-text";
import styles from "./sources.module.css";

type Props = { source: OverviewSource; citedBy: "figures" | "events"; words: SourceLinkWords; locale: Locale };

/** One document: its link with its class, the site it is on (what a reader judges a republication by) and what it supports. */
export async function SourceItem({ source, citedBy, words, locale }: Props) {
  const t = await getTranslations({ locale, namespace: "sourceTrust.sourcesPage" });
  const host = domainOf(source.url);
  return (
    <li data-source={source.url}>
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
        {citedBy === "events" ? t("sourceEvents", { count: source.cites }) : t("sourceFigures", { count: source.cites })}
      </span>
    </li>
  );
}
