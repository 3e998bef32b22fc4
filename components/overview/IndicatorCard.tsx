import Link from "next/link";
import { getPathname } from "@/lib/i18n/navigation";
import { getTranslations } from "next-intl/server";
import { Sparkline } from "@/components/charts/Sparkline";
import { FigureWithSource } from "@/components/indicator/FigureWithSource";
import type { Locale } from "@/lib/i18n/routing";
import { unitFor, type IndicatorSummary } from "@/lib/indicators/queries";
import { localized } from "@/lib/i18n/localized";
import type { IndicatorDigest } from "@/lib/indicators/overview";
import { DistanceNote, GapNote } from "./GapNote";

export async function IndicatorCard({
  indicator,
  digest,
  locale,
}: {
  indicator: IndicatorSummary;
  digest: IndicatorDigest | undefined;
  locale: Locale;
}) {
  const t = await getTranslations({ locale, namespace: "overview" });
  const name = localized(indicator, "name", locale);
  return (
    <li className="indicator-card" data-indicator={indicator.slug}>
      <h3>
        <Link href={getPathname({ href: `/indicators/${indicator.slug}`, locale })}>{name}</Link>
      </h3>
      <p className="muted unit">{unitFor(indicator, locale)}</p>
      {digest?.officialRecord ? (
        // No official figure, but official acts about it: point to them, never to a number of our own.
        <p className="figure" data-figure={t("official")}>
          <span className="figure-kind">{t("official")}</span>{" "}
          <Link href={getPathname({ href: { pathname: "/events", query: { indicator: indicator.slug } }, locale })}>
            {t("officialRecord")}
          </Link>
        </p>
      ) : (
        <FigureWithSource label={t("official")} observation={digest?.official ?? null} locale={locale} />
      )}
      <FigureWithSource label={t("independent")} observation={digest?.independent ?? null} locale={locale} />
      {digest?.gap ? <GapNote gap={digest.gap} locale={locale} /> : null}
      {digest?.distance && digest.official && digest.independent ? (
        <DistanceNote distance={digest.distance} official={digest.official} independent={digest.independent} locale={locale} />
      ) : null}
      {digest && digest.sample.length > 1 ? <Sparkline observations={digest.sample} label={t("trend", { name })} /> : null}
      <p className="muted card-counts">
        {t("figures", { count: digest?.figureCount ?? 0 })} · {t("sources", { count: digest?.sourceCount ?? 0 })}
      </p>
    </li>
  );
}
