import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/routing";
import type { IndicatorSummary } from "@/lib/indicators/queries";
import { localized } from "@/lib/i18n/localized";
import { changeFeedPath, type PublicChange } from "@/lib/changes/public-change-shapes";
import { ChangeItem } from "./ChangeItem";
import styles from "./changes.module.css";

type Props = { changes: PublicChange[]; indicators: IndicatorSummary[]; locale: Locale };

export async function ChangeLogPage({ changes, indicators, locale }: Props) {
  const t = await getTranslations({ locale, namespace: "changes" });
  const names = new Map(indicators.map((indicator) => [indicator.slug, localized(indicator, "name", locale)]));
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lede">{t("intro")}</p>
      <p>
        <a href={changeFeedPath(locale)} type="application/atom+xml" className={styles.feed}>
          {t("feed")}
        </a>
      </p>
      {changes.length ? (
        // role="list" keeps list semantics in WebKit, which drops them when list-style is none.
        <ol className={styles.changes} role="list">
          {changes.map((change) => (
            <ChangeItem
              key={change.id}
              change={change}
              indicatorName={change.indicatorSlug ? (names.get(change.indicatorSlug) ?? null) : null}
              locale={locale}
            />
          ))}
        </ol>
      ) : (
        <p className="muted">{t("empty")}</p>
      )}
    </>
  );
}
