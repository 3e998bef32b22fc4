import { notFound } from "next/navigation";
import { adminMetadata } from "@/components/admin/admin-metadata";
import { UsersAdminPage } from "@/components/admin/UsersAdminPage";
import { getPageActor } from "@/lib/auth/page-session";
import { requireLocale } from "@/lib/i18n/request-locale";
import { ZPageParam } from "@/lib/paging";
import { canManageUsers } from "@/lib/auth/permissions";
import { listUsers } from "@/lib/users/users";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export const generateMetadata = ({ params }: Props) => adminMetadata(params, "users.title");

export default async function Page({ params, searchParams }: Props) {
  const locale = await requireLocale(params);
  // Not a sign-in prompt: to anyone but an admin (signed out included) this page does not exist.
  const actor = await getPageActor();
  if (!canManageUsers(actor) || actor?.kind !== "user") notFound();
  const users = await listUsers(ZPageParam.parse((await searchParams).page));
  return <UsersAdminPage users={users} locale={locale} currentUserId={actor.user.id} />;
}
