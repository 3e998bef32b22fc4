import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { BrokenLinksPage } from "@/components/links/BrokenLinksPage";
import { canSeeLinkHealth } from "@/lib/auth/permissions";
import { requireEditor } from "@/lib/auth/require-editor";
import { getPathname } from "@/lib/i18n/navigation";
import { requireLocale } from "@/lib/i18n/request-locale";
import { isLocale } from "@/lib/i18n/routing";
import { ZPageParam } from "@/lib/paging";
import { countUnverifiableSources, listBrokenSources } from "@/lib/sources/link-health";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "sourceDomains.brokenLinks" });
  return { title: t("title") };
}

export default async function Page({ params, searchParams }: Props) {
  const locale = await requireLocale(params);
  const { actor } = await requireEditor(locale, getPathname({ href: "/editor/links", locale }));
  if (!canSeeLinkHealth(actor)) notFound();
  const [list, unverifiable] = await Promise.all([
    listBrokenSources(ZPageParam.parse((await searchParams).page)),
    countUnverifiableSources(),
  ]);
  return <BrokenLinksPage locale={locale} list={list} unverifiable={unverifiable} />;
}
