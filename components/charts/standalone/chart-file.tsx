import "server-only";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { buildChartModels } from "@/components/charts/chart-text";
import { describeChart } from "@/components/charts/describe-chart";
import { IndicatorChartSvg } from "@/components/charts/IndicatorChartSvg";
import type { ChartState } from "@/lib/charts/chart-state";
import { localized } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/routing";
import { indicatorPageUrl } from "@/components/indicator/indicator-request";
import { eventsForIndicator } from "@/lib/events/queries";
import { unitFor, type IndicatorSummary } from "@/lib/indicators/queries";
import { getChartData } from "@/lib/observations/chart-data";
import { THEMES } from "./palette";
import { standaloneSvg } from "./standalone-svg";

export const CHART_FILE_SIZES = ["wide", "narrow"] as const;

/** What a chart file adds to the chart's own state: the colours and the shape it is drawn in. */
export const ZChartFileOptions = {
  theme: z.enum(THEMES, { error: `must be one of ${THEMES.join(", ")}` }).default("light"),
  size: z.enum(CHART_FILE_SIZES, { error: `must be one of ${CHART_FILE_SIZES.join(", ")}` }).default("wide"),
};
export type ChartFileOptions = { theme: (typeof THEMES)[number]; size: (typeof CHART_FILE_SIZES)[number] };

/** The indicator chart as the page draws it (same figures, events, words and sizes), as a standalone SVG document in the chosen theme. */
export async function renderChartFile(indicator: IndicatorSummary, state: ChartState, locale: Locale, options: ChartFileOptions) {
  const t = await getTranslations({ locale, namespace: "indicator" });
  const [chart, events, pageUrl] = await Promise.all([
    getChartData(indicator.id, state),
    eventsForIndicator(indicator.id),
    indicatorPageUrl(locale, indicator.slug),
  ]);
  const name = localized(indicator, "name", locale);
  const models = await buildChartModels(chart.observations, events, state, {
    locale,
    title: name,
    unit: unitFor(indicator, locale),
    pageUrl,
    hiddenSecondary: state.sources === "firsthand" ? chart.hiddenSecondary : null,
  });
  const model = models[options.size === "narrow" ? "narrow" : "wide"];
  return standaloneSvg(
    <IndicatorChartSvg
      model={model}
      locale={locale}
      title={t("chartTitle", { name })}
      description={describeChart(name, chart.summary, locale)}
      idPrefix="chart"
    />,
    { theme: options.theme },
  );
}

/** A file name that is safe in any header and file system: the slug (letters, digits, _ and -) and the theme. */
export const chartFileName = (slug: string, options: ChartFileOptions, extension: "svg" | "png") =>
  `${slug.replace(/[^A-Za-z0-9_-]/g, "_")}${options.size === "narrow" ? "-narrow" : ""}${options.theme === "dark" ? "-dark" : ""}.${extension}`;

/** The chart's drawn sizes (viewBox width and height) at both layouts, for the state a link carries. */
export async function chartSizes(indicator: IndicatorSummary, state: ChartState, locale: Locale) {
  const [chart, events, pageUrl] = await Promise.all([
    getChartData(indicator.id, state),
    eventsForIndicator(indicator.id),
    indicatorPageUrl(locale, indicator.slug),
  ]);
  const name = localized(indicator, "name", locale);
  const { wide, narrow } = await buildChartModels(chart.observations, events, state, {
    locale,
    title: name,
    unit: unitFor(indicator, locale),
    pageUrl,
    hiddenSecondary: state.sources === "firsthand" ? chart.hiddenSecondary : null,
  });
  return { wide: { width: wide.width, height: wide.height }, narrow: { width: narrow.width, height: narrow.height } };
}
