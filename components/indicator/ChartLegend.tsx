import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/routing";
import { MARKED_POINTS_PER_SERIES } from "@/lib/observations/chart-points";

export async function ChartLegend({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "indicator" });
  return (
    <details className="chart-legend">
      <summary>{t("legendTitle")}</summary>
      <ul>
        <li>{t("legendOfficial")}</li>
        <li>{t("legendPeriod")}</li>
        <li>{t("legendRange")}</li>
        <li>{t("legendHedge")}</li>
        <li>{t("legendDense", { count: MARKED_POINTS_PER_SERIES })}</li>
        <li>{t("legendEvents")}</li>
      </ul>
    </details>
  );
}
