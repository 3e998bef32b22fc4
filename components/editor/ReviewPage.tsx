import { withQuoted } from "@/components/text/Quoted";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import type { IndicatorSummary } from "@/lib/indicators/queries";
import type { QueueBatch, ReviewFilterChoices, ReviewItem, ReviewQueue } from "@/lib/observations/editor-queries";
import type { ReviewFilters } from "@/lib/schemas/review";
import { formatAsOf, formatFigure, producerTypeLabel } from "@/lib/i18n/format";
import { getPathname } from "@/lib/i18n/navigation";
import { Link } from "@/lib/i18n/editor-navigation";
import type { Locale } from "@/lib/i18n/routing";
import { localized } from "@/lib/i18n/localized";
import formStyles from "@/components/forms/forms.module.css";
import styles from "./editor.module.css";
import review from "./review.module.css";
import { getEditorMessages } from "./editor-messages";
import { formatMoment } from "./format-time";
import { Pagination } from "./Pagination";
import { BatchPublishButton } from "./BatchPublishButton";
import { ReviewFlash, type ReviewFlashMessage } from "./ReviewFlash";
import { ReviewSelectionForm, SELECTED_DRAFT } from "./ReviewSelectionForm";

/** A queued draft and whether this reviewer may publish it (never their own: two-person rule). */
export type QueueEntry = { item: ReviewItem; canPublish: boolean; ownDraft: boolean };

type Props = {
  locale: Locale;
  entries: QueueEntry[];
  queue: ReviewQueue;
  filters: ReviewFilters;
  choices: ReviewFilterChoices & { indicators: IndicatorSummary[] };
  /** The signed-in reviewer, who may not publish a batch they imported. */
  actorId: string | null;
  referenceChanges: number;
  flash: ReviewFlashMessage | null;
};

/** Consecutive drafts of one import batch (or entered one by one) share a heading and its action. */
function groupByBatch(entries: QueueEntry[]): { batchId: string | null; entries: QueueEntry[] }[] {
  const groups: { batchId: string | null; entries: QueueEntry[] }[] = [];
  for (const entry of entries) {
    const last = groups.at(-1);
    if (last && last.batchId === entry.item.importBatchId) last.entries.push(entry);
    else groups.push({ batchId: entry.item.importBatchId, entries: [entry] });
  }
  return groups;
}

/** The drafts waiting for a second person, 50 a page, filtered from the URL, grouped by import batch, one compact row each. */
export async function ReviewPage({ locale, entries, queue, filters, choices, actorId, referenceChanges, flash }: Props) {
  const { t: te } = await getEditorMessages(locale);
  const t = await getTranslations({ locale, namespace: "review" });
  const query = Object.fromEntries(Object.entries(filters).filter((entry): entry is [string, string] => Boolean(entry[1])));
  const batches = new Map(queue.batches.map((batch) => [batch.id, batch]));
  const filtered = Object.keys(query).length > 0;

  // Each choice's drafts are counted up to a cap: past it the choice says "more than".
  const withCount = ({ name, waiting, waitingIsCapped }: { name: string; waiting: number; waitingIsCapped: boolean }) =>
    t(waitingIsCapped ? "filters.withCountMore" : "filters.withCount", { name, count: waiting.toLocaleString(locale) });

  function batchHeader(batch: QueueBatch) {
    return (
      <header className={review.batchHeader}>
        <h2 id={`batch-${batch.id}`} data-quoted>
          {t("batch.heading", { fileName: batch.fileName })}
        </h2>
        <p>
          {batch.waitingIsCapped
            ? t("batch.metaMore", {
                name: batch.importerName,
                date: formatMoment(batch.createdAt, locale),
                waiting: batch.waiting.toLocaleString(locale),
              })
            : t("batch.meta", { name: batch.importerName, date: formatMoment(batch.createdAt, locale), waiting: batch.waiting })}
        </p>
        {batch.importerId === actorId ? (
          <p className="muted">{t("batch.ownBatch")}</p>
        ) : (
          <BatchPublishButton batchId={batch.id} stamp={batch.stamp} returnQuery={query} />
        )}
      </header>
    );
  }

  function row({ item, canPublish, ownDraft }: QueueEntry) {
    const indicator = localized(item.indicator, "name", locale);
    const figure = formatFigure(item, locale);
    return (
      <tr key={item.id} data-observation={item.id}>
        <td>
          {canPublish ? (
            <input
              type="checkbox"
              name={SELECTED_DRAFT}
              value={`${item.id}:${item.version}`}
              aria-label={t("row.select", { indicator, figure })}
            />
          ) : null}
        </td>
        <td>
          {indicator}
          <br />
          <span className="muted">{item.revisionOf ? t("row.correction") : t("row.newFigure")}</span>
        </td>
        <td className="number">
          <strong>{figure}</strong>
          {item.revisionOf ? (
            <>
              <br />
              <span className="muted">{t("row.publishedNow", { figure: formatFigure(item.revisionOf, locale) })}</span>
            </>
          ) : null}
        </td>
        <td>{formatAsOf(item.asOf, item.datePrecision, locale)}</td>
        <td>
          <span data-quoted>{item.producer.name}</span> ({producerTypeLabel(item.producer.type, locale)})
        </td>
        <td>
          <a href={item.source.url} rel="noopener noreferrer" target="_blank" data-quoted>
            {item.source.publisher || t("row.source")}
          </a>
          {item.reason ? <p className={review.reason}>{withQuoted((values) => t("row.reason", values), { reason: item.reason })}</p> : null}
        </td>
        <td>
          <span data-quoted>{item.authorName ?? "—"}</span>
          {ownDraft ? (
            <>
              <br />
              <span className="muted">{t("row.ownDraft")}</span>
            </>
          ) : null}
        </td>
        <td>
          <Link href={`/editor/observations/${item.id}`} aria-label={t("row.openLabel", { indicator, figure })}>
            {t("row.open")}
          </Link>
        </td>
      </tr>
    );
  }

  const table = (rows: QueueEntry[], labelledBy?: string) => (
    <div className="table-scroll">
      <table className={`data-table ${review.queueTable}`} aria-labelledby={labelledBy}>
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">{t("columns.select")}</span>
            </th>
            <th scope="col">{t("columns.indicator")}</th>
            <th scope="col">{t("columns.figure")}</th>
            <th scope="col">{t("columns.period")}</th>
            <th scope="col">{t("columns.producer")}</th>
            <th scope="col">{t("columns.source")}</th>
            <th scope="col">{t("columns.author")}</th>
            <th scope="col">{t("columns.actions")}</th>
          </tr>
        </thead>
        <tbody>{rows.map(row)}</tbody>
      </table>
    </div>
  );

  return (
    <>
      <h1>{te("review.title")}</h1>
      <p className="lede">{te("review.intro")}</p>
      <ReviewFlash message={flash} locale={locale} />
      {referenceChanges > 0 ? (
        <p>
          <Link href="/editor/reference/review">{te("review.referenceChanges", { count: referenceChanges })}</Link>
        </p>
      ) : null}

      <form method="get" action={getPathname({ href: "/editor/review", locale })} className={review.filters}>
        <fieldset>
          <legend>{t("filters.legend")}</legend>
          <div className={styles.row}>
            <FilterSelect name="indicator" label={t("filters.indicator")} any={t("filters.any")} value={filters.indicator}>
              {choices.indicators.map((indicator) => (
                <option key={indicator.slug} value={indicator.slug}>
                  {localized(indicator, "name", locale)}
                </option>
              ))}
            </FilterSelect>
            <FilterSelect name="producer" label={t("filters.producer")} any={t("filters.any")} value={filters.producer}>
              {choices.producers.map((producer) => (
                <option key={producer.id} value={producer.id} data-quoted="">
                  {withCount({ ...producer, name: `${producer.name} (${producerTypeLabel(producer.type, locale)})` })}
                </option>
              ))}
            </FilterSelect>
            <FilterSelect name="author" label={t("filters.author")} any={t("filters.any")} value={filters.author}>
              {choices.authors.map((author) => (
                <option key={author.id} value={author.id} data-quoted="">
                  {withCount(author)}
                </option>
              ))}
            </FilterSelect>
            <FilterSelect name="batch" label={t("filters.batch")} any={t("filters.any")} value={filters.batch}>
              {choices.batches.map((batch) => (
                <option key={batch.id} value={batch.id} data-quoted="">
                  {withCount({ ...batch, name: `${batch.fileName} · ${formatMoment(batch.createdAt, locale)}` })}
                </option>
              ))}
            </FilterSelect>
            <FilterSelect name="kind" label={t("filters.kind")} any={t("filters.anyKind")} value={filters.kind}>
              <option value="new">{t("filters.new")}</option>
              <option value="correction">{t("filters.correction")}</option>
            </FilterSelect>
          </div>
          <div className={formStyles.actions}>
            <button type="submit">{t("filters.apply")}</button>
            {filtered ? <Link href="/editor/review">{t("filters.clear")}</Link> : null}
          </div>
        </fieldset>
      </form>

      <p>
        {queue.totalIsCapped
          ? t("queue.waitingMore", { count: queue.total.toLocaleString(locale) })
          : t("queue.waiting", { count: queue.total })}
      </p>
      {queue.total === 0 && !filtered ? <p className="muted">{te("review.empty")}</p> : null}
      <Pagination locale={locale} base="/editor/review" list={queue} label={t("queue.pages")} query={query} bounded />
      {entries.length > 0 ? (
        <ReviewSelectionForm returnQuery={query} selectable={entries.some((entry) => entry.canPublish)}>
          {groupByBatch(entries).map((group, index) => {
            const batch = group.batchId ? batches.get(group.batchId) : undefined;
            const headingId = batch ? `batch-${batch.id}` : `loose-${index}`;
            return (
              <section
                key={`${group.batchId ?? "loose"}-${index}`}
                aria-labelledby={headingId}
                className={review.group}
                data-batch={group.batchId ?? undefined}
              >
                {batch ? (
                  batchHeader(batch)
                ) : (
                  <h2 id={headingId} className={review.looseHeading}>
                    {t("batch.loose")}
                  </h2>
                )}
                {table(group.entries, headingId)}
              </section>
            );
          })}
        </ReviewSelectionForm>
      ) : null}
    </>
  );
}

function FilterSelect({
  name,
  label,
  any,
  value,
  children,
}: {
  name: string;
  label: string;
  any: string;
  value: string | undefined;
  children: ReactNode;
}) {
  return (
    <div className={formStyles.field}>
      <label htmlFor={`review-filter-${name}`}>{label}</label>
      <select id={`review-filter-${name}`} name={name} defaultValue={value ?? ""}>
        <option value="">{any}</option>
        {children}
      </select>
    </div>
  );
}
