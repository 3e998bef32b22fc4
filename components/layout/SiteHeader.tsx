import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { getPathname, Link } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";
import { LocaleSwitcher } from "./LocaleSwitcher";

export async function SiteHeader({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "site" });
  const other: Locale = locale === "es" ? "en" : "es";
  const switcher = { target: other, label: t("switchTo"), title: t("switchToLabel") };
  // No prefetching: each prefetch is a server render the cache cannot answer, for pages most readers never open.
  return (
    <header className="site-header">
      <Link href="/" className="site-name" prefetch={false}>
        {t("name")}
      </Link>
      <span className="site-tagline">{t("tagline")}</span>
      <nav aria-label={t("nav.label")} className="site-nav">
        <Link href="/" prefetch={false}>
          {t("nav.overview")}
        </Link>
        <Link href="/events" prefetch={false}>
          {t("nav.events")}
        </Link>
        <Link href="/sources" prefetch={false}>
          {t("nav.sources")}
        </Link>
        <Link href="/changes" prefetch={false}>
          {t("nav.changes")}
        </Link>
        <Link href="/api-docs" prefetch={false}>
          {t("nav.api")}
        </Link>
        <Suspense
          fallback={
            <a href={getPathname({ href: "/", locale: other })} hrefLang={other} lang={other}>
              {switcher.label}
            </a>
          }
        >
          <LocaleSwitcher {...switcher} />
        </Suspense>
      </nav>
    </header>
  );
}
