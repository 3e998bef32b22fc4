import { requireLocale } from "@/lib/i18n/request-locale";
import { OverviewPage } from "@/components/overview/OverviewPage";
import { listIndicators } from "@/lib/indicators/queries";
import { getIndicatorDigests } from "@/lib/indicators/overview";

// Figures change when editors publish; never prerender them at build time.
export const dynamic = "force-dynamic";

export default async function Page({ params }: { params: Promise<{ locale: string }> }) {
  const locale = await requireLocale(params);
  const [indicators, digests] = await Promise.all([listIndicators(), getIndicatorDigests()]);
  return <OverviewPage indicators={indicators} digests={digests} locale={locale} />;
}
