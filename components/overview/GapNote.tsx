import { getTranslations } from "next-intl/server";
import type { FigureDistance } from "@/lib/observations/comparisons";
import type { Discrepancy } from "@/lib/observations/discrepancy";
import { formatAsOf, formatNumber } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/routing";
import type { PublicObservation } from "@/lib/observations/types";

const periodOf = (observation: PublicObservation, locale: Locale) => formatAsOf(observation.asOf, observation.datePrecision, locale);

/** The gap between the card's two figures when they compare; their periods when those differ. */
export async function GapNote({ gap, locale }: { gap: Discrepancy; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "overview" });
  const signed = (value: string) => `${value.startsWith("-") || value === "0" ? "" : "+"}${formatNumber(value, locale)}`;
  const [official, independent] = [periodOf(gap.official, locale), periodOf(gap.independent, locale)];
  return (
    <p className="gap-note" data-testid="gap-note">
      {t("gap", {
        period: official === independent ? official : `${official} / ${independent}`,
        gap: `${gap.approximate ? "≈ " : ""}${signed(gap.gap)}`,
        percent: gap.percent === null ? "—" : `${gap.approximate ? "≈ " : ""}${signed(gap.percent)} %`,
      })}
    </p>
  );
}

/** How far apart the card's two figures are when they do not compare: "2 years apart: 2025 vs 2023". */
export async function DistanceNote({
  distance,
  official,
  independent,
  locale,
}: {
  distance: FigureDistance;
  official: PublicObservation;
  independent: PublicObservation;
  locale: Locale;
}) {
  const t = await getTranslations({ locale, namespace: "overview" });
  const periods = { official: periodOf(official, locale), independent: periodOf(independent, locale) };
  return (
    <p className="gap-note" data-testid="distance-note">
      {distance.kind === "overlap"
        ? t("differentPeriods", periods)
        : t("apart", { ...periods, distance: t(distance.unit, { count: distance.count }) })}
    </p>
  );
}
