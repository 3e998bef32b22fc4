import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { ReactNode } from "react";
import { EditorNav } from "@/components/editor/EditorNav";
import { EditorQueryProvider } from "@/components/editor/EditorQueryProvider";
import { getPageActor } from "@/lib/auth/page-session";
import { requireLocale } from "@/lib/i18n/request-locale";
import { canProposeReferenceChange, canImportObservations, canManageApiTokens, canManageUsers, canReview } from "@/lib/auth/permissions";

// The workspace is for the people who keep the figures; search engines have nothing to find here.
export const metadata: Metadata = { robots: { index: false, follow: false } };

// The namespaces the workspace's client components translate with (lib/i18n/messages/<locale>/*.json).
const CLIENT_NAMESPACES = [
  "editor",
  "changes",
  "reference",
  "import",
  "importResults",
  "review",
  "figures",
  "users",
  "sourceTrust",
  "reports",
  "sourceDomains",
] as const;

type Props = { children: ReactNode; params: Promise<{ locale: string }> };

export default async function EditorLayout({ children, params }: Props) {
  const locale = await requireLocale(params);
  const [actor, messages] = await Promise.all([getPageActor(), getMessages({ locale })]);
  return (
    <NextIntlClientProvider locale={locale} messages={Object.fromEntries(CLIENT_NAMESPACES.map((name) => [name, messages[name]]))}>
      <EditorQueryProvider>
        {actor?.kind === "user" ? (
          <EditorNav
            user={actor.user}
            locale={locale}
            can={{
              review: canReview(actor),
              import: canImportObservations(actor),
              reference: canProposeReferenceChange(actor),
              users: canManageUsers(actor),
              tokens: canManageApiTokens(actor),
            }}
          />
        ) : null}
        {children}
      </EditorQueryProvider>
    </NextIntlClientProvider>
  );
}
