import { getTranslations } from "next-intl/server";
import type { Discrepancy } from "@/lib/observations/discrepancy";
import { formatAsOf, formatNumber } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/routing";

export async function GapNote({ gap, locale }: { gap: Discrepancy; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "overview" });
  const signed = (value: string) => `${value.startsWith("-") ? "" : "+"}${formatNumber(value, locale)}`;
  return (
    <p className="gap-note">
      {t("gap", {
        period: formatAsOf(gap.official.asOf, gap.official.datePrecision, locale),
        gap: `${gap.approximate ? "≈ " : ""}${signed(gap.gap)}`,
        percent: gap.percent === null ? "—" : `${signed(gap.percent)} %`,
      })}
    </p>
  );
}
