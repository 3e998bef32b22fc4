import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/editor-navigation";
import type { Locale } from "@/lib/i18n/routing";
import type { Section } from "./entities";
import styles from "./reference.module.css";

/** Where this page sits: editor › reference data › the section's list. */
export async function ReferenceBreadcrumbs({ locale, section }: { locale: Locale; section?: Section }) {
  const t = await getTranslations({ locale, namespace: "reference" });
  const base = "/editor/reference";
  return (
    <nav aria-label={t("breadcrumbs")} className={styles.breadcrumbs}>
      <ol>
        <li>
          <Link href="/editor">{t("editorHome")}</Link>
        </li>
        <li>
          <Link href={base}>{t("title")}</Link>
        </li>
        {section ? (
          <li>
            <Link href={`${base}/${section}`}>{t(`sections.${section}.title`)}</Link>
          </li>
        ) : null}
      </ol>
    </nav>
  );
}
