import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/editor-navigation";
import type { Locale } from "@/lib/i18n/routing";
import type { ListPage } from "@/lib/reference/list-page";
import styles from "./reference.module.css";

/**
 * Previous / next links that keep the search and the list's filters (`query`); hidden when everything
 * fits on one page. `base` is the path without the locale.
 */
export async function Pagination({
  locale,
  base,
  list,
  query = {},
}: {
  locale: Locale;
  base: string;
  list: ListPage<unknown>;
  query?: Record<string, string>;
}) {
  if (list.pageCount <= 1) return null;
  const t = await getTranslations({ locale, namespace: "reference" });
  const href = (page: number) => ({ pathname: base, query: { ...query, ...(list.q ? { q: list.q } : {}), page } });
  return (
    <nav aria-label={t("list.pages")} className={styles.pagination}>
      {list.page > 1 ? (
        <Link href={href(list.page - 1)} rel="prev">
          {t("list.previous")}
        </Link>
      ) : null}
      <span>{t("list.pageOf", { page: list.page, pageCount: list.pageCount })}</span>
      {list.page < list.pageCount ? (
        <Link href={href(list.page + 1)} rel="next">
          {t("list.next")}
        </Link>
      ) : null}
    </nav>
  );
}
