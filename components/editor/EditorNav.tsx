import type { Actor } from "@/lib/auth/actor";
import { canManageSourceDomains, canProposeReferenceChange, canReadProblemReports } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { getPathname } from "@/lib/i18n/navigation";
import { Link } from "@/lib/i18n/editor-navigation";
import type { Locale } from "@/lib/i18n/routing";
import styles from "./editor.module.css";
import { getTranslations } from "next-intl/server";
import { SignOutButton } from "./SignOutButton";

/** Which parts of the workspace this person may open, decided by lib/auth/permissions.ts. */
export type NavPermissions = { review: boolean; import: boolean; reference: boolean; users: boolean; tokens: boolean };

/** The editor's own navigation for a signed-in person, listing only what they may use. */
export async function EditorNav({ user, locale, can }: { user: SessionUser; locale: Locale; can: NavPermissions }) {
  const [t, tFigures] = await Promise.all([
    getTranslations({ locale, namespace: "editor" }),
    getTranslations({ locale, namespace: "figures" }),
  ]);
  // The source-trust pages are asked of the permissions here, so the layout passes only what it always did.
  const actor: Actor = { kind: "user", user };
  const links = [
    { href: "/editor", label: t("nav.dashboard"), shown: true },
    { href: "/editor/observations", label: tFigures("list.title"), shown: true },
    { href: "/editor/observations/new", label: t("nav.newFigure"), shown: true },
    { href: "/editor/review", label: t("nav.review"), shown: can.review },
    { href: "/editor/import", label: t("nav.import"), shown: can.import },
    { href: "/editor/reference", label: t("nav.reference"), shown: can.reference },
    // Broken source links are fixed with a reviewed edit of the source (an archived copy or a new address).
    { href: "/editor/links", label: t("nav.brokenLinks"), shown: canProposeReferenceChange(actor) },
    { href: "/editor/reports", label: t("nav.readerReports"), shown: canReadProblemReports(actor) },
    { href: "/editor/admin/users", label: t("nav.users"), shown: can.users },
    { href: "/editor/admin/tokens", label: t("nav.tokens"), shown: can.tokens },
    { href: "/editor/admin/source-domains", label: t("nav.sourceDomains"), shown: canManageSourceDomains(actor) },
    { href: "/editor/account", label: t("nav.account"), shown: true },
  ];
  return (
    <nav aria-label={t("nav.label")} className={styles.editorNav}>
      <ul>
        {links
          .filter((link) => link.shown)
          .map((link) => (
            <li key={link.href}>
              <Link href={link.href}>{link.label}</Link>
            </li>
          ))}
      </ul>
      <span className={styles.who}>{t("nav.signedInAs", { name: user.displayName, role: t(`roles.${user.role}`) })}</span>
      <SignOutButton signInPath={getPathname({ href: "/editor/sign-in", locale })} />
    </nav>
  );
}
