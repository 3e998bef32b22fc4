import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import type { ReactNode } from "react";
import { HideInEmbeds } from "@/components/layout/HideInEmbeds";
import { SiteHeader } from "@/components/layout/SiteHeader";
import { isLocale, LOCALES } from "@/lib/i18n/routing";

type Props = { children: ReactNode; params: Promise<{ locale: string }> };

export function generateStaticParams() {
  return LOCALES.map((locale) => ({ locale }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "site" });
  return { title: { default: `${t("name")}: El Salvador`, template: `%s · ${t("name")}` }, description: t("description") };
}

export default async function LocaleLayout({ children, params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "site" });
  return (
    <html lang={locale}>
      <body>
        {/* No NextIntlClientProvider: public pages link with next/link and server-built paths, so they ship
            no translation library; the editor layout has its own provider. */}
        <HideInEmbeds>
          <a className="skip-link" href="#content">
            {t("skip")}
          </a>
          <SiteHeader locale={locale} />
        </HideInEmbeds>
        <main id="content">{children}</main>
        <HideInEmbeds>
          <footer className="site-footer">
            <p>{t("footer")}</p>
          </footer>
        </HideInEmbeds>
      </body>
    </html>
  );
}
