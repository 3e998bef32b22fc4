import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/editor-navigation";
import type { Locale } from "@/lib/i18n/routing";
import type { Paged } from "@/lib/paging";
import styles from "./editor.module.css";

/**
 * Where this page sits in a long list, and plain GET links to the pages around it (the page number
 * lives in the URL, so a page can be bookmarked, reloaded or opened without JavaScript).
 * `base` is the list's path without the locale ("/editor/review").
 */
export async function Pagination({
  locale,
  base,
  list,
  label,
  query = {},
  bounded = false,
}: {
  locale: Locale;
  base: string;
  list: Paged<unknown>;
  label: string;
  /** The list's filters, kept on every page link. */
  query?: Record<string, string>;
  /** The list pages only as far as it counts (lib/observations/bounded-page.ts): its last page says how to go on. */
  bounded?: boolean;
}) {
  const t = await getTranslations({ locale, namespace: "editor.paging" });
  const href = (page: number) => (page === 1 ? { pathname: base, query } : { pathname: base, query: { ...query, page } });
  const from = (list.page - 1) * list.pageSize + 1;
  const range = {
    from: from.toLocaleString(locale),
    to: (from + list.rows.length - 1).toLocaleString(locale),
    total: list.total.toLocaleString(locale),
  };
  const summary =
    list.rows.length === 0
      ? list.page > 1
        ? t("emptyPage")
        : null
      : list.totalIsCapped
        ? t("showingOfMore", range)
        : list.total > list.rows.length
          ? t("showingOf", range)
          : null;
  const hasPrevious = list.page > 1;
  const beyondReach = bounded && list.totalIsCapped && !list.hasNext && list.rows.length > 0;
  if (!summary && !hasPrevious && !list.hasNext) return null;
  return (
    <nav aria-label={label} className={styles.pagination}>
      {summary ? <span>{summary}</span> : null}
      {hasPrevious ? <Link href={href(1)}>{t("first")}</Link> : null}
      {hasPrevious ? (
        <Link href={href(list.page - 1)} rel="prev">
          {t("previous")}
        </Link>
      ) : null}
      <span>
        {list.totalIsCapped
          ? t("pageOfMore", { page: list.page, pageCount: list.pageCount })
          : t("pageOf", { page: list.page, pageCount: list.pageCount })}
      </span>
      {list.hasNext ? (
        <Link href={href(list.page + 1)} rel="next">
          {t("next")}
        </Link>
      ) : null}
      {!list.totalIsCapped && list.page < list.pageCount ? <Link href={href(list.pageCount)}>{t("last")}</Link> : null}
      {beyondReach ? <span>{t("beyondReach", { count: list.total.toLocaleString(locale) })}</span> : null}
    </nav>
  );
}
