import { getTranslations } from "next-intl/server";
import type { ChartModel } from "@/components/charts/chart-model";
import { ChartPointDetails, type PointDetail } from "@/components/charts/ChartPointDetails";
import { describeChart, describedProducerNames } from "@/components/charts/describe-chart";
import { quoteNames } from "@/components/text/Quoted";
import { IndicatorChartSvg } from "@/components/charts/IndicatorChartSvg";
import { ExploreButton } from "@/components/charts/explorer/ExploreButton";
import { formatAsOf, formatFigure, formatNumber, producerTypeLabel, QUALIFIER_LABELS } from "@/lib/i18n/format";
import type { ChartSummary } from "@/lib/observations/chart-points";
import type { Locale } from "@/lib/i18n/routing";
import { getPathname } from "@/lib/i18n/navigation";
import { getSourceLinkWords } from "@/components/sources/source-link-text";

type Props = {
  /** The chart at its wide size (desktop, downloads); also what the point details read. */
  model: ChartModel;
  /** The same chart laid out for phones (buildChartModels gives both): its words share the one SVG, shown instead of the wide ones on narrow screens. */
  narrowModel: ChartModel;
  /** Every published figure in range, for the text alternative (the model may hold a thinned set). */
  summary: ChartSummary;
  /** Set when dense series were thinned: how many figures are drawn of how many in this view. */
  thinning: { shown: number; total: number } | null;
  /** Set when the reader keeps first-hand sources only: how many figures of secondary sources were left out. */
  hiddenSecondary: number | null;
  /** In an embed the chart's own source line says what the filter hid; the page's notes under it are left out. */
  embedded?: boolean;
  name: string;
  locale: Locale;
};

export async function IndicatorChartPanel({
  model,
  narrowModel,
  summary,
  thinning,
  hiddenSecondary,
  embedded = false,
  name,
  locale,
}: Props) {
  const [t, ts, tp, tt, words] = await Promise.all([
    getTranslations({ locale, namespace: "indicator" }),
    getTranslations({ locale, namespace: "selection" }),
    getTranslations({ locale, namespace: "pointDetails" }),
    getTranslations({ locale, namespace: "sourceTrust" }),
    getSourceLinkWords(locale),
  ]);
  let secondaryDrawn = false;
  const description = describeChart(name, summary, locale);
  const details: Record<string, PointDetail> = {};
  for (const series of model.series) {
    for (const { observation } of series.points) {
      const hedge = QUALIFIER_LABELS[locale][observation.qualifier];
      details[observation.id] = {
        figure: formatFigure(observation, locale),
        date: formatAsOf(observation.asOf, observation.datePrecision, locale),
        producer: `${observation.producer.name} (${producerTypeLabel(observation.producer.type, locale)})`,
        // Only what the link shows: the rest of the source is on the figure's page, and each field here is sent twice.
        source: {
          url: observation.source.url,
          class: observation.source.class,
          archivedUrl: observation.source.archivedUrl,
          brokenSince: observation.source.brokenSince,
        },
        sourceLabel: t("pointSource", { publisher: observation.source.publisher ?? new URL(observation.source.url).hostname }),
        brokenDay: observation.source.brokenSince ? words.formatDay(observation.source.brokenSince) : null,
        hedge: hedge ? (locale === "es" ? `La fuente dice «${hedge}».` : `The source says "${hedge}".`) : null,
        detailsHref: getPathname({ href: `/figures/${observation.id}`, locale }),
      };
      if (observation.source.class === "secondary") secondaryDrawn = true;
    }
  }
  return (
    <figure className="chart-frame" data-testid="indicator-chart">
      {model.empty ? (
        <p className="chart-empty">{t("noData")}</p>
      ) : (
        <ChartPointDetails
          details={details}
          labels={{
            close: t("close"),
            details: tp("details"),
            several: tp.raw("several"),
            source: words.plain,
            figureDetails: tt("link.details"),
          }}
        >
          <IndicatorChartSvg
            model={model}
            narrowModel={narrowModel}
            locale={locale}
            title={t("chartTitle", { name })}
            description={description}
            idPrefix="indicator-chart"
            className={embedded ? "indicator-chart-embedded" : undefined}
          />
        </ChartPointDetails>
      )}
      {embedded ? null : hiddenSecondary !== null ? (
        <p className="chart-source-filter" data-testid="chart-source-filter" data-hidden-secondary={hiddenSecondary}>
          {tt("filter.hidden", { count: hiddenSecondary })}
        </p>
      ) : secondaryDrawn ? (
        <p className="chart-source-filter muted" data-testid="chart-secondary-note">
          {tt("filter.secondaryInChart")}
        </p>
      ) : null}
      {model.empty ? null : (
        <ExploreButton
          label={t("explore")}
          hideLabel={t("closeExplore")}
          locale={locale === "es" ? "es-ES" : "en-GB"}
          legendLabel={ts("explorerLegend")}
          words={{ loading: t("exploreLoading"), failed: t("exploreFailed"), retry: t("exploreRetry") }}
        />
      )}
      {thinning ? (
        <p className="chart-thinned muted" data-testid="chart-thinned">
          {t("thinned", { shown: formatNumber(String(thinning.shown), locale), total: formatNumber(String(thinning.total), locale) })}
        </p>
      ) : null}
      <figcaption className="chart-summary" data-testid="chart-summary">
        {quoteNames(description, describedProducerNames(summary))}
      </figcaption>
    </figure>
  );
}
