import { getTranslations } from "next-intl/server";
import type { SessionUser } from "@/lib/auth/session";
import { getPathname } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";
import styles from "./editor.module.css";
import { PasswordForm } from "./PasswordForm";
import { SignOutButton } from "./SignOutButton";

export async function AccountPage({ locale, user }: { locale: Locale; user: SessionUser }) {
  const t = await getTranslations({ locale, namespace: "editor" });
  const signInPath = getPathname({ href: "/editor/sign-in", locale });
  return (
    <>
      <h1>{t("account.title")}</h1>
      <p>{t("account.details", { name: user.displayName, email: user.email, role: t(`roles.${user.role}`) })}</p>
      <SignOutButton signInPath={signInPath} />
      <section aria-labelledby="password-title" className={styles.section}>
        <h2 id="password-title">{t("account.changePassword")}</h2>
        <p className="muted">{t("account.changeIntro")}</p>
        <PasswordForm signInPath={getPathname({ href: { pathname: "/editor/sign-in", query: { changed: "1" } }, locale })} />
      </section>
    </>
  );
}
