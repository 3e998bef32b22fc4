import { z } from "zod";
import { LOCALES } from "../i18n/routing";
import { PRODUCER_TYPES } from "../schemas/enums";
import { ZQueryList } from "./query";

// GET /api/v1/indicators/{slug}/chart-series: the figures the indicator chart draws for a chart state,
// as the zoomable explorer reads them when a reader opens it (the page no longer carries them).

const year = z.coerce
  .number({ error: "must be a year" })
  .int("must be a whole year")
  .min(1900, "must be 1900 or later")
  .max(2100, "must be 2100 or earlier");

/** The chart state the series depend on, as the indicator page's query writes it, and the language of the labels. */
export const chartSeriesParameters = {
  locale: z.enum(LOCALES, { error: `must be one of ${LOCALES.join(", ")}` }).meta({ description: "Language of the labels", example: "en" }),
  hide: ZQueryList(PRODUCER_TYPES)
    .optional()
    .meta({ description: "Comma-separated producer types to leave out (as the indicator page's hide=)", example: "government" }),
  from: year.optional().meta({ description: "First year shown (as the indicator page's from=)", example: "2020" }),
  to: year.optional().meta({ description: "Last year shown (as the indicator page's to=)", example: "2025" }),
  scale: z
    .enum(["linear", "log"], { error: "must be linear or log" })
    .optional()
    .meta({ description: "log leaves out figures of zero or less, as the chart does" }),
  sources: z
    .enum(["all", "firsthand"], { error: "must be all or firsthand" })
    .optional()
    .meta({ description: "firsthand leaves out figures from secondary sources (as the indicator page's sources=)" }),
};

export const ZChartSeriesPoint = z.object({
  /** The middle of the period the figure covers, in ms since 1970: where the chart draws it. */
  x: z.number(),
  y: z.number(),
  id: z.string(),
  /** Figure · date · producer (type), in the requested language. */
  label: z.string(),
});

export const ZChartSeries = z.object({
  key: z.string(),
  name: z.string(),
  producerType: z.enum(PRODUCER_TYPES),
  /** The producer and its type, as the chart's key names them. */
  legend: z.string(),
  points: z.array(ZChartSeriesPoint),
});

export const ZChartSeriesAnswer = z.object({
  scale: z.enum(["linear", "log"]),
  series: z.array(ZChartSeries),
  /** Set when dense series were thinned: how many figures are drawn of how many in view. */
  thinning: z.object({ shown: z.number().int(), total: z.number().int() }).nullable(),
});
export type TChartSeriesAnswer = z.infer<typeof ZChartSeriesAnswer>;
export type TChartSeries = z.infer<typeof ZChartSeries>;
