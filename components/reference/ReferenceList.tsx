import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { getPathname } from "@/lib/i18n/navigation";
import { Link } from "@/lib/i18n/editor-navigation";
import type { Locale } from "@/lib/i18n/routing";
import type { ListPage } from "@/lib/reference/list-page";
import { ENTITIES, entityOf, type Section } from "./entities";
import { Pagination } from "./Pagination";
import { ReferenceBreadcrumbs } from "./ReferenceBreadcrumbs";
import styles from "./reference.module.css";

/** A row of the table; its first cell links to the record's edit form. */
export type ListRow = { id: string; cells: [ReactNode, ...ReactNode[]] };

type Props = {
  locale: Locale;
  section: Section;
  list: ListPage<unknown>;
  columns: string[];
  rows: ListRow[];
  /** The list's filters besides the search (`?class=`), kept by the search form and the page links. */
  query?: Record<string, string>;
  /** Controls that change those filters, shown under the search. */
  filters?: ReactNode;
};

/** A searchable, paged table of one kind of reference record. Search and pages are GET links, so they work without JavaScript. */
export async function ReferenceList({ locale, section, list, columns, rows, query = {}, filters }: Props) {
  const t = await getTranslations({ locale, namespace: "reference" });
  const base = `/editor/reference/${section}`;
  const searchId = `search-${section}`;
  return (
    <>
      <ReferenceBreadcrumbs locale={locale} />
      <h1>{t(`sections.${section}.title`)}</h1>
      <p className="lede">{t(`sections.${section}.intro`)}</p>
      {ENTITIES[entityOf(section)].canCreate ? (
        <p>
          <Link href={`${base}/new`} className={styles.addLink}>
            {t(`sections.${section}.new`)}
          </Link>
        </p>
      ) : null}
      <form method="get" action={getPathname({ href: base, locale })} role="search" className={styles.search}>
        <label htmlFor={searchId}>{t(`sections.${section}.search`)}</label>
        <input id={searchId} name="q" type="search" defaultValue={list.q} maxLength={200} />
        {Object.entries(query).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <button type="submit">{t("list.submit")}</button>
        {list.q ? <Link href={{ pathname: base, query }}>{t("list.clear")}</Link> : null}
      </form>
      {filters}
      <p className="muted">{list.q ? t("list.countFiltered", { count: list.total, q: list.q }) : t("list.count", { count: list.total })}</p>
      {rows.length > 0 ? (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">{t(`sections.${section}.title`)}</caption>
            <thead>
              <tr>
                {columns.map((column) => (
                  <th key={column} scope="col">
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map(({ id, cells: [first, ...rest] }) => (
                <tr key={id}>
                  <th scope="row" className={styles.rowHead}>
                    <Link href={`${base}/${id}`}>{first}</Link>
                  </th>
                  {rest.map((cell, index) => (
                    <td key={index}>{cell}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t("list.empty")}</p>
      )}
      <Pagination locale={locale} base={base} list={list} query={query} />
    </>
  );
}
