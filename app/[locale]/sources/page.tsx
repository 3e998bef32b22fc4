import { requireLocale } from "@/lib/i18n/request-locale";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SourcesPage, type SourcesListing } from "@/components/sources/SourcesPage";
import { isLocale } from "@/lib/i18n/routing";
import { getSourceGroup, getSourceOverview, listSourceGroups } from "@/lib/sources/source-overview";
import { parseSourcesView, type SourcesView } from "@/lib/sources/source-overview-state";

// Figures change when editors publish; never prerender them at build time.
export const dynamic = "force-dynamic";

// ?class=secondary&group=<producer id or "events">&page=2; anything else is ignored, as the response
// cache's key ignores it (lib/public-routes.ts).
type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Pick<Props, "params">): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "sources" });
  return { title: t("title"), description: t("intro") };
}

async function listingFor(view: SourcesView): Promise<SourcesListing | null> {
  if (view.sourceClass && view.group) {
    const detail = await getSourceGroup(view.sourceClass, view.group, view.page);
    return detail && { kind: "group", detail };
  }
  const groups = await listSourceGroups(view);
  return groups.page > 1 && !groups.groups.length ? null : { kind: "groups", groups };
}

export default async function Page({ params, searchParams }: Props) {
  const locale = await requireLocale(params);
  const view = parseSourcesView(await searchParams);
  const [overview, listing] = await Promise.all([getSourceOverview(), listingFor(view)]);
  if (!listing) notFound();
  return <SourcesPage view={view} overview={overview} listing={listing} locale={locale} />;
}
