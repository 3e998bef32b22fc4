import { notFound } from "next/navigation";
import { SourceDomainsPage } from "@/components/source-domains/SourceDomainsPage";
import { sourceDomainsMetadata } from "@/components/source-domains/source-domains-metadata";
import { getPageActor } from "@/lib/auth/page-session";
import { canManageSourceDomains } from "@/lib/auth/permissions";
import { requireLocale } from "@/lib/i18n/request-locale";
import { ZListQuery } from "@/lib/reference/list-page";
import { listSourceDomains } from "@/lib/sources/domain-table";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export const generateMetadata = ({ params }: Props) => sourceDomainsMetadata(params);

export default async function Page({ params, searchParams }: Props) {
  const locale = await requireLocale(params);
  // Not a sign-in prompt: to anyone but an admin (signed out included) this page does not exist.
  if (!canManageSourceDomains(await getPageActor())) notFound();
  const domains = await listSourceDomains(ZListQuery.parse(await searchParams));
  return <SourceDomainsPage domains={domains} locale={locale} />;
}
