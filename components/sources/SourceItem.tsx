import { getTranslations } from "next-intl/server";
import { formatAsOf } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/routing";
import { domainOf } from "@/lib/sources/source-domains";
import type { OverviewSource } from "@/lib/sources/source-overview";
import { Quoted } from "@/components/text/Quoted";
import { SourceLink, type SourceLinkText } from "./SourceLink";
import styles from "./sources.module.css";

/** The words every source link on the page shares, read once per page. */
export async function sourceLinkTextFor(locale: Locale): Promise<SourceLinkText> {
  const t = await getTranslations({ locale, namespace: "sourceTrust" });
  return {
    classLabel: { primary: t("marker.primary"), press: t("marker.press"), secondary: t("marker.secondary") },
    secondaryNote: t("marker.secondaryNote"),
    archivedCopy: t("link.archivedCopy"),
    brokenSince: (date) => t("link.brokenSince", { date }),
  };
}

type Props = { source: OverviewSource; citedBy: "figures" | "events"; text: SourceLinkText; locale: Locale };

/** One document: its link with its class, the site it is on (what a reader judges a republication by) and what it supports. */
export async function SourceItem({ source, citedBy, text, locale }: Props) {
  const t = await getTranslations({ locale, namespace: "sourceTrust.sourcesPage" });
  const host = domainOf(source.url);
  return (
    <li data-source={source.url}>
      <SourceLink
        source={{ url: source.url, class: source.sourceClass, archivedUrl: source.archivedUrl, brokenSince: source.brokenSince }}
        text={text}
        formatDay={(day) => formatAsOf(day, "day", locale)}
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
