import { getTranslations } from "next-intl/server";
import { formatAsOf, formatFigure, PRODUCER_TYPE_LABELS } from "@/lib/i18n/format";
import { localized } from "@/lib/i18n/localized";
import { getPathname } from "@/lib/i18n/navigation";
import { Link } from "@/lib/i18n/editor-navigation";
import type { Locale } from "@/lib/i18n/routing";
import { figureQuery, type FigureFilterKey, type ParsedFigureQuery } from "@/lib/observations/figure-filters";
import type { FigureFilterChoices, FigureListRow } from "@/lib/observations/figure-list";
import type { Paged } from "@/lib/paging";
import { OBSERVATION_STATUSES, PRODUCER_TYPE_DISPLAY_ORDER } from "@/lib/schemas/enums";
import { Quoted } from "@/components/text/Quoted";
import styles from "./FigureList.module.css";
import { Pagination } from "./Pagination";

type Props = { locale: Locale; query: ParsedFigureQuery; figures: Paged<FigureListRow>; choices: FigureFilterChoices };

const BASE = "/editor/observations";

/**
 * Every figure, found by search and filters. The form is a plain GET form and the pages are links,
 * so the list works without JavaScript and any state of it can be bookmarked or sent to a colleague.
 */
export async function FigureList({ locale, query, figures, choices }: Props) {
  const t = await getTranslations({ locale, namespace: "figures.list" });
  const { filters } = query;
  const filterLabel: Record<FigureFilterKey, string> = {
    q: t("search"),
    indicator: t("indicator"),
    producer: t("producer"),
    type: t("type"),
    status: t("status"),
    from: t("from"),
    to: t("to"),
    batch: t("batch"),
    author: t("author"),
    source: t("columns.source"),
  };
  const day = (iso: string) => formatAsOf(iso.slice(0, 10), "day", locale);
  const hasFilters = Object.keys(figureQuery(filters)).length > 0;
  // Options naming data (producers, import files, people) are marked as quoted, as the rows are.
  const select = (name: FigureFilterKey, options: { value: string; label: string }[], anyLabel = t("any"), quoted = false) => (
    <div className={styles.field}>
      <label htmlFor={`figures-${name}`}>{filterLabel[name]}</label>
      <select id={`figures-${name}`} name={name} defaultValue={filters[name] ?? ""}>
        <option value="">{anyLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value} data-quoted={quoted ? "" : undefined}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
  const linkLabel = (row: FigureListRow, key: "editLabel" | "openLabel") =>
    t(key, {
      indicator: localized(row.indicator, "name", locale),
      figure: formatFigure(row, locale),
      producer: row.producer.name,
      period: formatAsOf(row.asOf, row.datePrecision, locale),
    });
  // A draft is edited, a published figure corrected; the others are read (and retracted ones restored from their page).
  const editable = (row: FigureListRow) => row.status === "draft" || row.status === "published";

  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lede">{t("intro")}</p>
      <form method="get" action={getPathname({ href: BASE, locale })} role="search" className={styles.filters} data-testid="figure-filters">
        <div className={`${styles.field} ${styles.search}`}>
          <label htmlFor="figures-q">{t("search")}</label>
          <input id="figures-q" name="q" type="search" defaultValue={filters.q ?? ""} maxLength={200} aria-describedby="figures-q-hint" />
          <span id="figures-q-hint" className={styles.hint}>
            {t("searchHint")}
          </span>
        </div>
        <fieldset className={styles.filterGrid}>
          <legend>{t("filtersLegend")}</legend>
          {select(
            "indicator",
            choices.indicators.map((indicator) => ({ value: indicator.slug, label: localized(indicator, "name", locale) })),
          )}
          {select(
            "producer",
            choices.producers.map((producer) => ({
              value: producer.id,
              label: `${producer.name} (${PRODUCER_TYPE_LABELS[locale][producer.type]})`,
            })),
            t("any"),
            true,
          )}
          {select(
            "type",
            PRODUCER_TYPE_DISPLAY_ORDER.map((type) => ({ value: type, label: PRODUCER_TYPE_LABELS[locale][type] })),
          )}
          {select(
            "status",
            OBSERVATION_STATUSES.map((status) => ({ value: status, label: t(`statuses.${status}`) })),
            t("anyStatus"),
          )}
          <div className={styles.field}>
            <label htmlFor="figures-from">{t("from")}</label>
            <input id="figures-from" name="from" type="date" defaultValue={filters.from ?? ""} />
          </div>
          <div className={styles.field}>
            <label htmlFor="figures-to">{t("to")}</label>
            <input id="figures-to" name="to" type="date" defaultValue={filters.to ?? ""} />
          </div>
          {select(
            "batch",
            choices.batches.map((batch) => ({
              value: batch.id,
              label: t("batchOption", { fileName: batch.fileName, date: day(batch.createdAt), count: batch.draftCount }),
            })),
            t("any"),
            true,
          )}
          {select(
            "author",
            choices.authors.map((author) => ({ value: author.id, label: author.displayName })),
            t("any"),
            true,
          )}
        </fieldset>
        {filters.source ? (
          <p className={styles.sourceFilter}>
            <input type="hidden" name="source" value={filters.source} />
            {choices.source ? (
              <>
                {t("sourceFilter")}{" "}
                <a href={choices.source.url} rel="noopener noreferrer" data-quoted="">
                  {choices.source.publisher ?? choices.source.url}
                </a>
              </>
            ) : (
              t("sourceFilterMissing")
            )}{" "}
            <Link href={{ pathname: BASE, query: figureQuery({ ...filters, source: undefined }) }}>{t("removeSourceFilter")}</Link>
          </p>
        ) : null}
        <div className={styles.actions}>
          <button type="submit">{t("submit")}</button>
          {hasFilters ? <Link href={BASE}>{t("clear")}</Link> : null}
        </div>
      </form>

      {query.ignored.length > 0 ? (
        <p role="status" className={styles.ignored}>
          {t("ignored", { count: query.ignored.length, names: query.ignored.map((key) => filterLabel[key]).join(", ") })}
        </p>
      ) : null}

      <p className="muted" data-testid="figure-count">
        {figures.totalIsCapped ? t("countMore", { count: figures.total.toLocaleString(locale) }) : t("count", { count: figures.total })}
      </p>
      <Pagination locale={locale} base={BASE} list={figures} label={t("pages")} query={figureQuery(filters)} bounded />
      {figures.rows.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table" data-testid="figure-list">
            <caption className="visually-hidden">{t("caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("columns.indicator")}</th>
                <th scope="col">{t("columns.figure")}</th>
                <th scope="col">{t("columns.period")}</th>
                <th scope="col">{t("columns.producer")}</th>
                <th scope="col">{t("columns.source")}</th>
                <th scope="col">{t("columns.status")}</th>
                <th scope="col">{t("columns.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {figures.rows.map((row) => (
                <tr key={row.id} data-observation={row.id} data-status={row.status}>
                  <td>{localized(row.indicator, "name", locale)}</td>
                  <td className="number">{formatFigure(row, locale)}</td>
                  <td>{formatAsOf(row.asOf, row.datePrecision, locale)}</td>
                  <td>
                    <Quoted>{row.producer.name}</Quoted>{" "}
                    <span className={styles.secondary}>({PRODUCER_TYPE_LABELS[locale][row.producer.type]})</span>
                  </td>
                  <td className={styles.source}>
                    <a href={row.source.url} rel="noopener noreferrer" data-quoted="">
                      {row.source.publisher ?? row.source.url}
                    </a>
                  </td>
                  <td>
                    {t(`statuses.${row.status}`)}
                    {row.isCorrection ? <span className={styles.secondary}> · {t("correction")}</span> : null}
                    {row.importBatch ? (
                      <span className={styles.secondary}>
                        {" "}
                        · {t.rich("imported", { fileName: row.importBatch.fileName, quoted: (chunks) => <Quoted>{chunks}</Quoted> })}
                      </span>
                    ) : null}
                    {row.authorName ? (
                      <span className={styles.secondary}>
                        {" "}
                        · {t.rich("by", { name: row.authorName, quoted: (chunks) => <Quoted>{chunks}</Quoted> })}
                      </span>
                    ) : null}
                  </td>
                  <td>
                    <Link href={`${BASE}/${row.id}`} aria-label={linkLabel(row, editable(row) ? "editLabel" : "openLabel")}>
                      {editable(row) ? t("edit") : t("open")}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination locale={locale} base={BASE} list={figures} label={t("pages")} query={figureQuery(filters)} bounded />
    </>
  );
}
