import type { SessionUser } from "@/lib/auth/session";
import type { Locale } from "@/lib/i18n/routing";
import styles from "./editor.module.css";
import { getEditorMessages } from "./editor-messages";
import { PasswordForm } from "./PasswordForm";
import { SignOutButton } from "./SignOutButton";

export async function AccountPage({ locale, user }: { locale: Locale; user: SessionUser }) {
  const { t, raw, errorMessages, fieldMessages } = await getEditorMessages(locale);
  const signInPath = `/${locale}/editor/sign-in`;
  return (
    <>
      <h1>{t("account.title")}</h1>
      <p>{t("account.details", { name: user.displayName, email: user.email, role: t(`roles.${user.role}`) })}</p>
      <SignOutButton signInPath={signInPath} labels={raw("signOut")} />
      <section aria-labelledby="password-title" className={styles.section}>
        <h2 id="password-title">{t("account.changePassword")}</h2>
        <p className="muted">{t("account.changeIntro")}</p>
        <PasswordForm
          signInPath={`${signInPath}?changed=1`}
          labels={{ ...raw("fields"), submit: t("account.submit"), pending: t("account.pending") }}
          errorMessages={errorMessages}
          fieldMessages={fieldMessages}
        />
      </section>
    </>
  );
}
