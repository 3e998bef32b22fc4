import "server-only";
import { notFound } from "next/navigation";
import { getPageActor } from "@/lib/auth/page-session";
import { redirect } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";
import { canProposeReferenceChange } from "@/lib/auth/permissions";

/** Every reference page starts here: signed-out people go to sign in; others without the permission see a 404. */
export async function requireReferenceEditor(locale: Locale) {
  const actor = await getPageActor();
  if (!actor) redirect({ href: "/editor/sign-in", locale });
  if (!canProposeReferenceChange(actor)) notFound();
  return actor;
}
