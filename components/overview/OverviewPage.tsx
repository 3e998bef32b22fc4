import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/routing";
import type { IndicatorSummary } from "@/lib/indicators/queries";
import type { IndicatorDigest } from "@/lib/indicators/overview";
import { INDICATOR_THEMES } from "@/lib/schemas/enums";
import { IndicatorCard } from "./IndicatorCard";

type Props = { indicators: IndicatorSummary[]; digests: Map<string, IndicatorDigest>; locale: Locale };

export async function OverviewPage({ indicators, digests, locale }: Props) {
  const t = await getTranslations({ locale });
  return (
    <>
      <h1>{t("overview.title")}</h1>
      <p className="lede">{t("overview.intro")}</p>
      {INDICATOR_THEMES.map((theme) => {
        const inTheme = indicators.filter((indicator) => indicator.theme === theme);
        if (!inTheme.length) return null;
        return (
          <section key={theme} className="theme-section" aria-labelledby={`theme-${theme}`}>
            <h2 id={`theme-${theme}`}>{t(`themes.${theme}`)}</h2>
            <ul className="indicator-list">
              {inTheme.map((indicator) => (
                <IndicatorCard key={indicator.slug} indicator={indicator} digest={digests.get(indicator.slug)} locale={locale} />
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}
