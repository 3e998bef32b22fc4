import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/routing";
import { unitFor, type IndicatorSummary } from "@/lib/indicators/queries";
import { localized } from "@/lib/i18n/localized";

export async function Definitions({ indicator, locale }: { indicator: IndicatorSummary; locale: Locale }) {
  const t = await getTranslations({ locale });
  return (
    <section aria-labelledby="definitions-heading" className="definitions">
      <h2 id="definitions-heading">{t("indicator.definitions")}</h2>
      <p>{localized(indicator, "description", locale)}</p>
      <p>{t(`valueKinds.${indicator.valueKind as "share"}`)}</p>
      <p className="muted">{t("indicator.unit", { unit: unitFor(indicator, locale) })}</p>
    </section>
  );
}
