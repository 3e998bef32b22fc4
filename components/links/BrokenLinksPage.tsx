import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Pagination } from "@/components/editor/Pagination";
import { Quoted } from "@/components/text/Quoted";
import { formatAsOf } from "@/lib/i18n/format";
import { getPathname } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";
import type { Paged } from "@/lib/paging";
import type { BrokenSource } from "@/lib/sources/link-health";
import styles from "./links.module.css";

const ERROR_KEYS = [
  "http_status",
  "timeout",
  "tls",
  "dns",
  "refused",
  "reset",
  "network",
  "too_many_redirects",
  "redirect_loop",
  "bad_redirect",
  "private_address",
  "unsupported_url",
] as const;
type ErrorKey = (typeof ERROR_KEYS)[number] | "unknown";

const errorKey = (error: string | null): ErrorKey => ERROR_KEYS.find((key) => key === error) ?? "unknown";

// Only a web address becomes a link: a stored value is anyone's typing, and javascript: must stay text.
const isWebAddress = (address: string) => /^https?:\/\//i.test(address);

function Address({ url }: { url: string }) {
  return isWebAddress(url) ? (
    <a href={url} rel="noopener noreferrer nofollow" className="source-link" data-quoted="">
      {url}
    </a>
  ) : (
    <Quoted>{url}</Quoted>
  );
}

/** The sources whose links the checker found broken, for editors to give each a new address or an archived copy. */
export async function BrokenLinksPage({ locale, list, unverifiable }: { locale: Locale; list: Paged<BrokenSource>; unverifiable: number }) {
  const t = await getTranslations({ locale, namespace: "sourceDomains.brokenLinks" });
  const day = (value: string | null) => (value ? formatAsOf(value, "day", locale) : t("unknownDay"));
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lede">{t.rich("intro", { command: (chunks) => <code>{chunks}</code> })}</p>
      <p>{list.totalIsCapped ? t("countMore", { count: list.total }) : t("count", { count: list.total })}</p>
      {unverifiable > 0 ? <p className="muted">{t("unverifiable", { count: unverifiable })}</p> : null}
      {list.rows.length > 0 ? (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">{t("caption")}</caption>
            <thead>
              <tr>
                {(["source", "problem", "brokenSince", "checkedAt", "redirects", "archived", "citedBy", "actions"] as const).map(
                  (column) => (
                    <th key={column} scope="col">
                      {t(`columns.${column}`)}
                    </th>
                  ),
                )}
              </tr>
            </thead>
            <tbody>
              {list.rows.map((source) => (
                <tr key={source.id}>
                  <th scope="row" className={styles.source}>
                    <Address url={source.url} />
                    <span className={styles.publisher}>{source.publisher ? <Quoted>{source.publisher}</Quoted> : t("noPublisher")}</span>
                  </th>
                  <td>{t(`errors.${errorKey(source.error)}`, { status: String(source.statusCode ?? "") })}</td>
                  <td className={styles.day}>{day(source.brokenSince)}</td>
                  <td className={styles.day}>{day(source.checkedAt)}</td>
                  <td>
                    {source.redirects.length > 0 ? (
                      <ol className={styles.redirects}>
                        {source.redirects.map((hop, index) => (
                          <li key={index}>
                            <Quoted>{hop}</Quoted>
                          </li>
                        ))}
                      </ol>
                    ) : (
                      t("noRedirects")
                    )}
                  </td>
                  <td>{source.archivedUrl ? <Address url={source.archivedUrl} /> : t("noArchive")}</td>
                  <td>{t("citedBy", source.citedBy)}</td>
                  <td>
                    <ul className={styles.actions}>
                      <li>
                        <Link
                          href={getPathname({ href: `/editor/reference/sources/${source.id}`, locale })}
                          aria-label={t("editLabel", { url: source.url })}
                        >
                          {t("edit")}
                        </Link>
                      </li>
                      <li>
                        <Link
                          href={getPathname({ href: { pathname: "/editor/observations", query: { source: source.id } }, locale })}
                          aria-label={t("figuresLabel", { url: source.url })}
                        >
                          {t("figures")}
                        </Link>
                      </li>
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t("empty")}</p>
      )}
      <Pagination locale={locale} base="/editor/links" list={list} label={t("pages")} />
    </>
  );
}
