import Link from "next/link";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { getPathname } from "@/lib/i18n/navigation";
import { inLocale, PAGE_ADDRESS_HEADER } from "@/lib/i18n/page-address";
import type { Locale } from "@/lib/i18n/routing";
import { LocaleSwitcher } from "./LocaleSwitcher";

const NAV = [
  ["/", "nav.overview"],
  ["/events", "nav.events"],
  ["/sources", "nav.sources"],
  ["/changes", "nav.changes"],
  ["/api-docs", "nav.api"],
] as const;

// Plain next/link links with the locale written in: the header ships no translation library to the browser.
export async function SiteHeader({ locale }: { locale: Locale }) {
  const [t, requestHeaders] = await Promise.all([getTranslations({ locale, namespace: "site" }), headers()]);
  const other: Locale = locale === "es" ? "en" : "es";
  const address = requestHeaders.get(PAGE_ADDRESS_HEADER);
  const switcher = {
    href: address ? inLocale(address, other) : getPathname({ href: "/", locale: other }),
    target: other,
    label: t("switchTo"),
    title: t("switchToLabel"),
  };
  // No prefetching: each prefetch is a server render the cache cannot answer, for pages most readers never open.
  return (
    <header className="site-header">
      <Link href={getPathname({ href: "/", locale })} className="site-name" prefetch={false}>
        {t("name")}
      </Link>
      <span className="site-tagline">{t("tagline")}</span>
      <nav aria-label={t("nav.label")} className="site-nav">
        {NAV.map(([href, label]) => (
          <Link key={href} href={getPathname({ href, locale })} prefetch={false}>
            {t(label)}
          </Link>
        ))}
        <Suspense
          fallback={
            <a href={switcher.href} hrefLang={other} lang={other} title={switcher.title}>
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
