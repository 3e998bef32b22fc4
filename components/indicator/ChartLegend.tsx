import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/routing";

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
        <li>{t("legendEvents")}</li>
      </ul>
    </details>
  );
}
