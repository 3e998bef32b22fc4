import { getTranslations } from "next-intl/server";
import { formatMoment } from "@/components/editor/format-time";
import { Pagination } from "@/components/reference/Pagination";
import { Quoted } from "@/components/text/Quoted";
import { getPathname } from "@/lib/i18n/navigation";
import { Link } from "@/lib/i18n/editor-navigation";
import type { Locale } from "@/lib/i18n/routing";
import type { ListPage } from "@/lib/reference/list-page";
import type { SourceDomainRow } from "@/lib/sources/domain-table";
import { DomainRowActions } from "./DomainRowActions";
import { NewDomainForm } from "./NewDomainForm";
import styles from "./source-domains.module.css";

const BASE = "/editor/admin/source-domains";

/**
 * The domain table: each domain's class, note and how many sources it matches today, a search, a form
 * to add one and each row's edit and removal. Admins only (the page checks). It says plainly that the
 * table proposes classes for new sources and never changes an existing source's.
 */
export async function SourceDomainsPage({ domains, locale }: { domains: ListPage<SourceDomainRow>; locale: Locale }) {
  const [t, tClass] = await Promise.all([
    getTranslations({ locale, namespace: "sourceDomains.domainTable" }),
    getTranslations({ locale, namespace: "sourceDomains.classField" }),
  ]);
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lede">{t("intro")}</p>
      <p className={styles.notice} role="note">
        {t("proposesOnly")}
      </p>
      <section aria-labelledby="add-domain" className={styles.section}>
        <h2 id="add-domain">{t("add.title")}</h2>
        <NewDomainForm />
      </section>
      <form method="get" action={getPathname({ href: BASE, locale })} role="search" className={styles.search}>
        <label htmlFor="search-domains">{t("search")}</label>
        <input id="search-domains" name="q" type="search" defaultValue={domains.q} maxLength={200} />
        <button type="submit">{t("searchSubmit")}</button>
        {domains.q ? <Link href={BASE}>{t("clear")}</Link> : null}
      </form>
      <p className="muted">
        {domains.q ? t("countFiltered", { count: domains.total, q: domains.q }) : t("count", { count: domains.total })}
      </p>
      {domains.rows.length ? (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">{t("title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("columns.domain")}</th>
                <th scope="col">{t("columns.class")}</th>
                <th scope="col">{t("columns.sources")}</th>
                <th scope="col">{t("columns.updated")}</th>
                <th scope="col">{t("columns.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {domains.rows.map((row) => (
                <tr key={row.domain} data-domain={row.domain} data-source-class={row.sourceClass}>
                  <th scope="row" className={styles.domain}>
                    <Quoted>{row.domain}</Quoted>
                  </th>
                  <td>{tClass(`names.${row.sourceClass}`)}</td>
                  <td>
                    {row.sourceCount ? (
                      <Link
                        href={{ pathname: "/editor/reference/sources", query: { q: row.domain } }}
                        aria-label={t("matchesLink", { domain: row.domain })}
                      >
                        {t("matches", { count: row.sourceCount })}
                      </Link>
                    ) : (
                      t("matches", { count: 0 })
                    )}
                  </td>
                  <td>
                    <time dateTime={row.updatedAt}>{formatMoment(row.updatedAt, locale)}</time>
                    {row.updatedBy ? (
                      <>
                        <br />
                        <span className="muted">
                          <Quoted>{row.updatedBy}</Quoted>
                        </span>
                      </>
                    ) : null}
                  </td>
                  <td>
                    <DomainRowActions domain={row.domain} sourceClass={row.sourceClass} note={row.note} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t("empty")}</p>
      )}
      <Pagination locale={locale} base={BASE} list={domains} />
    </>
  );
}
