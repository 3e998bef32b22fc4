import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ResetPasswordPage } from "@/components/editor/ResetPasswordPage";
import { requireLocale } from "@/lib/i18n/request-locale";
import { isLocale } from "@/lib/i18n/routing";
import { readPasswordResetLink } from "@/lib/users/password-resets";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string; token: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "users.resetPage" });
  // The address carries the link's secret: no link on this page may pass it on to another site.
  return { title: t("title"), referrer: "no-referrer" };
}

// Open to anyone holding a link, signed in or not: the link is the credential.
export default async function Page({ params }: Props) {
  const locale = await requireLocale(params);
  const { token } = await params;
  return <ResetPasswordPage locale={locale} token={token} link={await readPasswordResetLink(token)} />;
}
