import "server-only";
import { getTranslations } from "next-intl/server";
import type { ChartState } from "@/lib/charts/chart-state";
import type { PublicEvent } from "@/lib/events/queries";
import { formatAsOf } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/routing";
import type { ChartObservation } from "@/lib/observations/types";
import { isoDay } from "@/lib/dates";
import { buildChartModel, CHART_SIZES, drawnObservations, SERIES_TYPE_ORDER, type ChartModel, type ChartText } from "./chart-model";

/** How many producers the source line names before "and n more" (the legend names them all). */
const SOURCE_LINE_PRODUCERS = 4;

type Words = {
  locale: Locale;
  /** The indicator's name. */
  title: string;
  /** The indicator's unit in this language (unitFor(indicator, locale)). */
  unit: string;
  /** The page the chart comes from, named in the source line. */
  pageUrl: string;
  /** Replaces the source line built here (producers · page · accessed on). */
  sourceLine?: string;
  /** The day the chart is read, for "accessed on"; today by default. */
  accessedOn?: string;
  /** Set when the reader keeps first-hand sources only: how many figures of secondary sources were left out. */
  hiddenSecondary?: number | null;
};

/**
 * "Sources: A, B, C, D and 5 more · example.org/en/indicators/x · accessed 4 Dec 2026", with "Primary and
 * press sources only: 3 figures from secondary sources are hidden" after the producers when the filter is on.
 */
export async function chartSourceLine(
  observations: ChartObservation[],
  state: Pick<ChartState, "hidden" | "from" | "to">,
  {
    locale,
    pageUrl,
    accessedOn = isoDay(new Date()),
    hiddenSecondary = null,
  }: Pick<Words, "locale" | "pageUrl" | "accessedOn" | "hiddenSecondary">,
): Promise<string> {
  const t = await getTranslations({ locale, namespace: "chart" });
  const tt = await getTranslations({ locale, namespace: "sourceTrust" });
  const drawn = drawnObservations(observations, state).sort(
    (a, b) => SERIES_TYPE_ORDER.indexOf(a.producer.type) - SERIES_TYPE_ORDER.indexOf(b.producer.type),
  );
  const names = [...new Set(drawn.map((o) => o.producer.name))];
  const listed = names.slice(0, SOURCE_LINE_PRODUCERS).join(", ");
  const producers =
    names.length > SOURCE_LINE_PRODUCERS ? `${listed} ${t("moreProducers", { count: names.length - SOURCE_LINE_PRODUCERS })}` : listed;
  const page = pageUrl.replace(/^https?:\/\//, "").replace(/[?#].*$/, "");
  // The filter's sentence comes after the producers, which are shortened first when the line is too long: a
  // copy of the chart never leaves out that figures were hidden.
  const filter = hiddenSecondary === null ? null : tt("filter.hidden", { count: hiddenSecondary }).replace(/\.$/, "");
  return [names.length ? t("sources", { producers }) : null, filter, page, t("accessed", { date: formatAsOf(accessedOn, "day", locale) })]
    .filter(Boolean)
    .join(" · ");
}

/** The chart's words in the page's language. */
export async function chartText(
  observations: ChartObservation[],
  state: Pick<ChartState, "hidden" | "from" | "to">,
  words: Words,
): Promise<ChartText> {
  const t = await getTranslations({ locale: words.locale, namespace: "chart" });
  return {
    locale: words.locale,
    title: words.title,
    unit: words.unit,
    sourceLine: words.sourceLine ?? (await chartSourceLine(observations, state, words)),
    renewals: (count) => t("renewals", { count }),
    logOmitted: (count) => t("logOmitted", { count }),
  };
}

/** The chart at both sizes: wide (desktop, downloads) and narrow (phones), numbered the same way. */
export async function buildChartModels<O extends ChartObservation>(
  observations: O[],
  events: PublicEvent[],
  state: Pick<ChartState, "hidden" | "from" | "to" | "events" | "scale">,
  words: Words,
): Promise<{ wide: ChartModel<O>; narrow: ChartModel<O> }> {
  const text = await chartText(observations, state, words);
  return {
    wide: buildChartModel(observations, events, state, CHART_SIZES.wide, text),
    narrow: buildChartModel(observations, events, state, CHART_SIZES.narrow, text),
  };
}
