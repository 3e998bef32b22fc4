import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/routing";
import type { SourceGroup } from "@/lib/sources/source-overview";
import { Quoted } from "@/components/text/Quoted";
import type { SourceLinkText } from "./SourceLink";
import { SourceItem } from "./SourceItem";
import { sourcesHref } from "./source-page-links";
import styles from "./sources.module.css";

type Props = { group: SourceGroup; text: SourceLinkText; locale: Locale };

/**
 * One producer's sources of one class (or the documents dated events cite), folded: the summary says
 * how many sources and figures, the most cited sources open under it, and the rest are one link away.
 */
export async function ProducerSources({ group, text, locale }: Props) {
  const t = await getTranslations({ locale, namespace: "sourceTrust.sourcesPage" });
  const citedBy = group.producer ? "figures" : "events";
  const counts = t(group.producer ? "groupCounts" : "eventGroupCounts", { sources: group.sources, cites: group.cites });
  return (
    <li className={styles.group} data-source-group={`${group.sourceClass}:${group.key}`}>
      <details>
        <summary>
          <span className={styles.groupName}>{group.producer ? <Quoted>{group.producer.name}</Quoted> : t("eventsGroupName")}</span>{" "}
          <span className={styles.counts}>({counts})</span>
        </summary>
        <ul className={styles.sourceList}>
          {group.shown.map((source) => (
            <SourceItem key={source.id} source={source} citedBy={citedBy} text={text} locale={locale} />
          ))}
        </ul>
        {group.sources > group.shown.length ? (
          <p className={styles.more}>
            <a href={sourcesHref(locale, { sourceClass: group.sourceClass, group: group.key })}>
              {t("allOfGroup", { count: group.sources })}
            </a>
          </p>
        ) : null}
      </details>
    </li>
  );
}
