import type { ReviewItem } from "@/lib/observations/editor-queries";
import type { Paged } from "@/lib/paging";
import { Link } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";
import { localized } from "@/lib/i18n/localized";
import formStyles from "@/components/forms/forms.module.css";
import styles from "./editor.module.css";
import { getEditorMessages } from "./editor-messages";
import { FigureComparison } from "./FigureFacts";
import { Pagination } from "./Pagination";
import { PublishButton } from "./PublishButton";

/** A queued draft and whether this reviewer may publish it (never their own: two-person rule). */
export type QueueEntry = { item: ReviewItem; canPublish: boolean; ownDraft: boolean };

/** The figures waiting for review, a page at a time; reference changes have their own page, linked here. */
export async function ReviewPage({
  locale,
  entries,
  queue,
  referenceChanges,
}: {
  locale: Locale;
  entries: QueueEntry[];
  queue: Paged<unknown>;
  referenceChanges: number;
}) {
  const { t, raw } = await getEditorMessages(locale);
  const headings = {
    publishedNow: t("observation.publishedNow"),
    proposed: t("observation.proposed"),
    newFigure: t("observation.newFigure"),
  };
  return (
    <>
      <h1>{t("review.title")}</h1>
      <p className="lede">{t("review.intro")}</p>
      {referenceChanges > 0 ? (
        <p>
          <Link href="/editor/reference/review">{t("review.referenceChanges", { count: referenceChanges })}</Link>
        </p>
      ) : null}
      {queue.total === 0 ? <p className="muted">{t("review.empty")}</p> : null}
      <Pagination locale={locale} base="/editor/review" list={queue} label={t("paging.queuePages")} />
      <ol className={styles.queue}>
        {entries.map(({ item, canPublish, ownDraft }) => {
          const title = `${localized(item.indicator, "name", locale)}: ${item.revisionOf ? t("review.correction") : t("review.newFigure")}`;
          return (
            <li key={item.id}>
              <article className={styles.queueItem} data-observation={item.id} aria-labelledby={`review-${item.id}`}>
                <h2 id={`review-${item.id}`}>{title}</h2>
                {item.authorName ? <p className="muted">{t("review.by", { name: item.authorName })}</p> : null}
                {item.reason ? <p>{t("review.reason", { reason: item.reason })}</p> : null}
                <FigureComparison
                  published={item.revisionOf}
                  proposed={item}
                  locale={locale}
                  labels={raw("compare")}
                  headings={{ ...headings, caption: title }}
                />
                <div className={formStyles.actions}>
                  {canPublish ? <PublishButton id={item.id} version={item.version} /> : null}
                  {ownDraft ? <span className="muted">{t("review.ownDraft")}</span> : null}
                  <Link href={`/editor/observations/${item.id}`}>{t("dashboard.open")}</Link>
                </div>
              </article>
            </li>
          );
        })}
      </ol>
    </>
  );
}
