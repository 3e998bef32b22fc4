import { requireLocale } from "@/lib/i18n/request-locale";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { EventsPage } from "@/components/events/EventsPage";
import { listEvents } from "@/lib/events/queries";
import { isLocale } from "@/lib/i18n/routing";

// Events change when editors publish; never prerender them at build time.
export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "events" });
  return { title: t("title"), description: t("intro") };
}

export default async function Page({ params }: { params: Promise<{ locale: string }> }) {
  const locale = await requireLocale(params);
  const events = await listEvents();
  return <EventsPage events={events} locale={locale} />;
}
