import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { getPathname } from "@/lib/i18n/navigation";
import { isLocale, routing } from "@/lib/i18n/routing";

export default async function NotFound() {
  const [t, requested] = await Promise.all([getTranslations("notFound"), getLocale()]);
  const locale = isLocale(requested) ? requested : routing.defaultLocale;
  return (
    <>
      <h1>{t("title")}</h1>
      <p>{t("body")}</p>
      <Link href={getPathname({ href: "/", locale })}>{t("back")}</Link>
    </>
  );
}
