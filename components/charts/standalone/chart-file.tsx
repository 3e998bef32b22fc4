import "server-only";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { buildChartModel } from "@/components/charts/chart-model";
import { describeChart } from "@/components/charts/describe-chart";
import { IndicatorChartSvg } from "@/components/charts/IndicatorChartSvg";
import type { ChartState } from "@/lib/charts/chart-state";
import { localized } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/routing";
import type { IndicatorSummary } from "@/lib/indicators/queries";
import { readChartInputs } from "@/components/embed/chart-inputs";
import { THEMES } from "./palette";
import { standaloneSvg } from "./standalone-svg";

export const CHART_FILE_SIZES = ["wide", "narrow"] as const;

/** What a chart file adds to the chart's own state: the colours and the shape it is drawn in. */
export const ZChartFileOptions = {
  theme: z.enum(THEMES, { error: `must be one of ${THEMES.join(", ")}` }).default("light"),
  size: z.enum(CHART_FILE_SIZES, { error: `must be one of ${CHART_FILE_SIZES.join(", ")}` }).default("wide"),
};
export type ChartFileOptions = { theme: (typeof THEMES)[number]; size: (typeof CHART_FILE_SIZES)[number] };

/** The indicator chart as the page draws it, as a standalone SVG document in the chosen theme. */
export async function renderChartFile(indicator: IndicatorSummary, state: ChartState, locale: Locale, options: ChartFileOptions) {
  const t = await getTranslations({ locale, namespace: "indicator" });
  const { chart, events } = await readChartInputs(indicator.id, state);
  const name = localized(indicator, "name", locale);
  const model = buildChartModel(chart.observations, events, state);
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
