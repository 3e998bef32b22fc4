import { getTranslations } from "next-intl/server";
import { formatMoment } from "@/components/editor/format-time";
import { withQuoted } from "@/components/text/Quoted";
import { getPathname } from "@/lib/i18n/navigation";
import { Link } from "@/lib/i18n/editor-navigation";
import type { Locale } from "@/lib/i18n/routing";
import type { PasswordResetLink } from "@/lib/users/password-resets";
import { ResetPasswordForm } from "./ResetPasswordForm";

type Props = { locale: Locale; token: string; link: PasswordResetLink };

/** A password link's page: the new-password form while the link is good, else why it is not. */
export async function ResetPasswordPage({ locale, token, link }: Props) {
  const t = await getTranslations({ locale, namespace: "users.resetPage" });
  return (
    <>
      <h1>{t("title")}</h1>
      {link.state === "valid" ? (
        <>
          <p className="lede">{withQuoted((quoted) => t("intro", quoted), { email: link.email })}</p>
          <p className="muted">{t("expires", { date: formatMoment(link.expiresAt.toISOString(), locale) })}</p>
          <ResetPasswordForm
            token={token}
            email={link.email}
            signInPath={getPathname({ href: { pathname: "/editor/sign-in", query: { changed: "1" } }, locale })}
          />
        </>
      ) : (
        <>
          <p role="alert">{t(link.state)}</p>
          <p>
            <Link href="/editor/sign-in" locale={locale}>
              {t("signIn")}
            </Link>
          </p>
        </>
      )}
    </>
  );
}
