import { IndicatorOverview } from "@/components/overview/IndicatorOverview";
import { listIndicators } from "@/lib/indicators";
import { getLatestFiguresByIndicator } from "@/lib/observations";

// Figures change when editors publish; never prerender them at build time.
export const dynamic = "force-dynamic";

export default async function HomePage() {
  const [indicators, latestFigures] = await Promise.all([listIndicators(), getLatestFiguresByIndicator()]);
  return <IndicatorOverview indicators={indicators} latestFigures={latestFigures} />;
}
