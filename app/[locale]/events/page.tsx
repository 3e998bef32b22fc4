import { requireLocale } from "@/lib/i18n/request-locale";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { EventsPage } from "@/components/events/EventsPage";
import { listEvents, listEventIndicatorChoices } from "@/lib/events/queries";
import { EVENTS_PER_PAGE, parseEventsView } from "@/lib/events/events-view-state";
import { isLocale } from "@/lib/i18n/routing";

// Events change when editors publish; never prerender them at build time.
export const dynamic = "force-dynamic";

// ?indicator=homicide_rate&page=2; anything else (several values, an unknown slug) is ignored, as the
// response cache's key ignores it (lib/public-routes.ts reads the same view).
type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Pick<Props, "params">): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "events" });
  return { title: t("title"), description: t("intro") };
}

export default async function Page({ params, searchParams }: Props) {
  const locale = await requireLocale(params);
  const view = parseEventsView(await searchParams);
  const indicators = await listEventIndicatorChoices();
  const selected = indicators.find((indicator) => indicator.slug === view.indicator) ?? null;
  const events = await listEvents(selected ? { indicatorSlug: selected.slug } : {}, { page: view.page, pageSize: EVENTS_PER_PAGE });
  if (view.page > 1 && !events.events.length) notFound();
  return <EventsPage events={events} indicators={indicators} selected={selected} locale={locale} />;
}
