import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/editor-navigation";
import type { Locale } from "@/lib/i18n/routing";
import { SECTIONS } from "./entities";
import { ReferenceBreadcrumbs } from "./ReferenceBreadcrumbs";
import styles from "./reference.module.css";

export async function ReferenceIndex({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "reference" });
  return (
    <>
      <ReferenceBreadcrumbs locale={locale} />
      <h1>{t("title")}</h1>
      <p className="lede">{t("intro")}</p>
      <p>
        <Link href="/editor/reference/review" className={styles.addLink}>
          {t("review.link")}
        </Link>
      </p>
      <ul className={styles.sections} role="list">
        {SECTIONS.map((section) => (
          <li key={section}>
            <h2>
              <Link href={`/editor/reference/${section}`}>{t(`sections.${section}.title`)}</Link>
            </h2>
            <p>{t(`sections.${section}.intro`)}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
