import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";
import { figureQuery, type FigureFilters } from "@/lib/observations/figure-filters";
import type { Paged } from "@/lib/paging";
import styles from "./editor.module.css";

type Props = { locale: Locale; base: string; filters: FigureFilters; list: Paged<unknown>; label: string };

/** The figure list's page links: plain GET links that keep the search and filters of the page. */
export async function FigureListPagination({ locale, base, filters, list, label }: Props) {
  const t = await getTranslations({ locale, namespace: "editor.paging" });
  const href = (page: number) => ({ pathname: base, query: figureQuery(filters, page) });
  const hasPrevious = list.page > 1;
  if (!hasPrevious && !list.hasNext) return null;
  const from = (list.page - 1) * list.pageSize + 1;
  const range = {
    from: from.toLocaleString(locale),
    to: (from + list.rows.length - 1).toLocaleString(locale),
    total: list.total.toLocaleString(locale),
  };
  return (
    <nav aria-label={label} className={styles.pagination}>
      <span>{list.rows.length === 0 ? t("emptyPage") : list.totalIsCapped ? t("showingOfMore", range) : t("showingOf", range)}</span>
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
    </nav>
  );
}
