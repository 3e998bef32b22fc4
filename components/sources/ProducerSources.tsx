import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/routing";
import type { SourceGroup } from "@/lib/sources/source-overview";
import { Quoted } from "@/components/text/Quoted";
import type { SourceLinkWords } from "./source-link-text";
import { SourceItem } from "./SourceItem";
import { sourcesHref } from "./source-page-links";
import styles from "./sources.module.css";

type Props = { group: SourceGroup; words: SourceLinkWords; locale: Locale };

/**
 * One producer's sources of one class (or the documents dated events cite): the summary says how many
 * sources and figures, its most cited sources are listed under it (open, so a reader sees them without
 * a click; a large group folds away), and the rest are one link away.
 */
export async function ProducerSources({ group, words, locale }: Props) {
  const t = await getTranslations({ locale, namespace: "sourceTrust.sourcesPage" });
  const citedBy = group.producer ? "figures" : "events";
  const counts = t(group.producer ? "groupCounts" : "eventGroupCounts", { sources: group.sources, cites: group.cites });
  return (
    <li className={styles.group} data-source-group={`${group.sourceClass}:${group.key}`} data-cited-by={citedBy} data-cites={group.cites}>
      <details open>
        <summary>
          <span className={styles.groupName}>{group.producer ? <Quoted>{group.producer.name}</Quoted> : t("eventsGroupName")}</span>{" "}
          <span className={styles.counts}>({counts})</span>
        </summary>
        <ul className={styles.sourceList}>
          {group.shown.map((source) => (
            <SourceItem key={source.id} source={source} citedBy={citedBy} words={words} locale={locale} />
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
