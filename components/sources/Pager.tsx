import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/routing";
import styles from "./sources.module.css";

type Props = { page: number; pageCount: number; href: (page: number) => string; locale: Locale };

/** Previous and next page as plain links (no script), and where the reader is; nothing for one page. */
export async function Pager({ page, pageCount, href, locale }: Props) {
  if (pageCount <= 1) return null;
  const t = await getTranslations({ locale, namespace: "sourceTrust.sourcesPage" });
  return (
    <nav aria-label={t("pages")} className={styles.pager}>
      {page > 1 ? (
        <a href={href(page - 1)} rel="prev">
          ← {t("previous")}
        </a>
      ) : null}
      <span aria-current="page">{t("pageOf", { page, count: pageCount })}</span>
      {page < pageCount ? (
        <a href={href(page + 1)} rel="next">
          {t("next")} →
        </a>
      ) : null}
    </nav>
  );
}
