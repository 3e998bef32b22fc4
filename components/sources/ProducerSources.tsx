import { getTranslations } from "next-intl/server";
import { formatAsOf } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/routing";
import type { ProducerWithSources } from "@/lib/sources/producers";
import entries from "@/components/layout/entries.module.css";
import styles from "./sources.module.css";
import { Quoted } from "@/components/text/Quoted";

/** One producer: how many figures it backs, and each document those figures were read from. */
export async function ProducerSources({ producer, locale }: { producer: ProducerWithSources; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "sources" });
  return (
    <li className={entries.card} data-producer={producer.id}>
      <h3 className={entries.title}>
        <Quoted>{producer.name}</Quoted>{" "}
        <span className={styles.counts}>
          ({t("figures", { count: producer.figureCount })} · {t("documents", { count: producer.documents.length })})
        </span>
      </h3>
      <ul className={styles.documents}>
        {producer.documents.map((document) => (
          <li key={document.url}>
            <a href={document.url} rel="noopener noreferrer" className={`source-link ${styles.link}`} data-quoted="">
              {document.publisher ?? new URL(document.url).hostname}
            </a>
            <span className={styles.meta}>
              {document.publishedAt ? (
                <>
                  {" · "}
                  <time dateTime={document.publishedAt}>{formatAsOf(document.publishedAt, "day", locale)}</time>
                </>
              ) : null}
              {" · "}
              {t("figures", { count: document.figureCount })}
            </span>
          </li>
        ))}
      </ul>
    </li>
  );
}
