import { notFound } from "next/navigation";
import { adminMetadata } from "@/components/admin/admin-metadata";
import { TokensAdminPage } from "@/components/admin/TokensAdminPage";
import { listApiTokens } from "@/lib/users/api-tokens";
import { getPageActor } from "@/lib/auth/page-session";
import { requireLocale } from "@/lib/i18n/request-locale";
import { ZPageParam } from "@/lib/paging";
import { canManageApiTokens } from "@/lib/auth/permissions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export const generateMetadata = ({ params }: Props) => adminMetadata(params, "tokens.title");

export default async function Page({ params, searchParams }: Props) {
  const locale = await requireLocale(params);
  // Not a sign-in prompt: to anyone but an admin (signed out included) this page does not exist.
  if (!canManageApiTokens(await getPageActor())) notFound();
  const tokens = await listApiTokens(ZPageParam.parse((await searchParams).page));
  return <TokensAdminPage tokens={tokens} locale={locale} />;
}
