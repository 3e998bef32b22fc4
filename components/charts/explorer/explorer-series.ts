import "server-only";
import type { ChartState } from "@/lib/charts/chart-state";
import { formatAsOf, formatFigure, producerTypeLabel } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/routing";
import type { IndicatorSummary } from "@/lib/indicators/queries";
import { getChartData } from "@/lib/observations/chart-data";
import { thinningOf } from "@/lib/observations/chart-points";
import type { TChartSeries, TChartSeriesAnswer } from "@/lib/public-api/chart-series";
import { buildChartModel, CHART_SIZES, type ChartModel } from "../chart-model";

/**
 * The series the chart draws, with a label for each figure. Short keys (s0, s1…): the explorer writes
 * each once per figure in its rows.
 */
export function explorerSeriesOf(model: ChartModel, locale: Locale): TChartSeries[] {
  return model.series.map((series, index) => ({
    key: `s${index}`,
    name: series.producerName,
    producerType: series.producerType,
    legend: `${series.producerName} (${producerTypeLabel(series.producerType, locale)})`,
    points: series.points.map(({ midpointMs, observation }) => ({
      x: Math.round(midpointMs),
      y: Number(observation.value),
      id: observation.id,
      label: [
        formatFigure(observation, locale),
        formatAsOf(observation.asOf, observation.datePrecision, locale),
        `${observation.producer.name} (${producerTypeLabel(observation.producer.type, locale)})`,
      ].join(" · "),
    })),
  }));
}

/**
 * The figures the page's chart draws for this state: the same figures, thinned the same way, laid out at
 * the wide size (no events). The explorer's series and the point details' answer are read from it.
 */
export async function readDrawnChart(
  indicator: Pick<IndicatorSummary, "id">,
  state: Pick<ChartState, "hidden" | "from" | "to" | "scale" | "sources">,
) {
  const chart = await getChartData(indicator.id, state);
  return { chart, model: buildChartModel(chart.observations, [], { ...state, events: false }, CHART_SIZES.wide) };
}

/** What the page's chart draws for this state, for the explorer. */
export async function getChartSeries(
  indicator: Pick<IndicatorSummary, "id">,
  state: Pick<ChartState, "hidden" | "from" | "to" | "scale" | "sources">,
  locale: Locale,
): Promise<TChartSeriesAnswer> {
  const { chart, model } = await readDrawnChart(indicator, state);
  return { scale: model.scale, series: explorerSeriesOf(model, locale), thinning: thinningOf(chart) };
}
