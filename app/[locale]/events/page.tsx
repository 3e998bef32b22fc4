import { requireLocale } from "@/lib/i18n/request-locale";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { EventsPage } from "@/components/events/EventsPage";
import { listEvents, listEventIndicatorChoices } from "@/lib/events/queries";
import { isLocale } from "@/lib/i18n/routing";

// Events change when editors publish; never prerender them at build time.
export const dynamic = "force-dynamic";

// ?indicator=homicide_rate; anything else (several values, an unknown slug) shows every event. The
// response cache keys the page by this parameter alone (lib/public-routes.ts).
const ZEventsQuery = z.object({
  indicator: z
    .string()
    .regex(/^[a-z0-9_]{1,100}$/)
    .optional()
    .catch(undefined),
});

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Pick<Props, "params">): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "events" });
  return { title: t("title"), description: t("intro") };
}

export default async function Page({ params, searchParams }: Props) {
  const locale = await requireLocale(params);
  const query = ZEventsQuery.parse(await searchParams);
  const indicators = await listEventIndicatorChoices();
  const selected = indicators.find((indicator) => indicator.slug === query.indicator) ?? null;
  const events = await listEvents(selected ? { indicatorSlug: selected.slug } : {});
  return <EventsPage events={events} indicators={indicators} selected={selected} locale={locale} />;
}
