import { getTranslations } from "next-intl/server";
import type { ChartModel } from "@/components/charts/chart-model";
import { ChartPointDetails } from "@/components/charts/ChartPointDetails";
import { describeChart, describedProducerNames } from "@/components/charts/describe-chart";
import { quoteNames } from "@/components/text/Quoted";
import { IndicatorChartSvg } from "@/components/charts/IndicatorChartSvg";
import { ExploreButton } from "@/components/charts/explorer/ExploreButton";
import { formatNumber } from "@/lib/i18n/format";
import type { ChartSummary } from "@/lib/observations/chart-points";
import type { Locale } from "@/lib/i18n/routing";
import { getPathname } from "@/lib/i18n/navigation";
import { chartStateQuery, DEFAULT_CHART_STATE, type ChartState } from "@/lib/charts/chart-state";
import { getSourceLinkWords } from "@/components/sources/source-link-text";

/** The figures drawn depend on the series shown, the years and the sources; the table's page or order changes nothing. */
const pointDetailsUrl = (slug: string, state: ChartState, locale: Locale) =>
  `${getPathname({ href: `/indicators/${slug}/point-details`, locale })}${chartStateQuery({
    ...DEFAULT_CHART_STATE,
    hidden: state.hidden,
    from: state.from,
    to: state.to,
    sources: state.sources,
  })}`;

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
  slug: string;
  /** The chart's state: the details box reads what it says of each drawn figure for it. */
  state: ChartState;
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
  slug,
  state,
}: Props) {
  const [t, ts, tp, tt, words] = await Promise.all([
    getTranslations({ locale, namespace: "indicator" }),
    getTranslations({ locale, namespace: "selection" }),
    getTranslations({ locale, namespace: "pointDetails" }),
    getTranslations({ locale, namespace: "sourceTrust" }),
    getSourceLinkWords(locale),
  ]);
  const description = describeChart(name, summary, locale);
  const secondaryDrawn = model.series.some((series) => series.points.some(({ observation }) => observation.source.class === "secondary"));
  return (
    <figure className="chart-frame" data-testid="indicator-chart">
      {model.empty ? (
        <p className="chart-empty">{t("noData")}</p>
      ) : (
        <ChartPointDetails
          detailsUrl={pointDetailsUrl(slug, state, locale)}
          figurePathPrefix={getPathname({ href: "/figures/", locale })}
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
