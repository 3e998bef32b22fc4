import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { getPageActor } from "@/lib/auth/page-session";
import type { SessionUser } from "@/lib/auth/session";
import { getPathname, redirect } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";
import { countUsers } from "@/lib/users/users";

/**
 * The signed-in person for an editor page. Signed out, they go to sign-in (and come back to
 * `returnTo` afterwards); before anyone has an account, to the first-run setup.
 */
export async function requireEditor(locale: Locale, returnTo?: string): Promise<{ actor: Actor; user: SessionUser }> {
  const actor = await getPageActor();
  if (actor?.kind === "user") return { actor, user: actor.user };
  if ((await countUsers()) === 0) redirect({ href: "/editor/setup", locale });
  redirect({ href: returnTo ? { pathname: "/editor/sign-in", query: { next: returnTo } } : "/editor/sign-in", locale });
}

// Only an editor page of this site: "next" arrives in a URL anyone can craft, so it must never lead elsewhere.
const EDITOR_PATH = /^\/(es|en)\/editor(\/[A-Za-z0-9_-]+)*$/;

export function editorReturnPath(next: string | string[] | undefined, locale: Locale): string {
  return typeof next === "string" && EDITOR_PATH.test(next) ? next : getPathname({ href: "/editor", locale });
}
