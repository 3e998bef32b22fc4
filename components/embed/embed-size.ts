import { chartSizes } from "@/components/charts/standalone/chart-file";
import { parseChartState } from "@/lib/charts/chart-state";
import type { Locale } from "@/lib/i18n/routing";
import type { IndicatorSummary } from "@/lib/indicators/queries";
import { embedHeight } from "./embed-height";

/**
 * The iframe height for an indicator's embed with the state its address carries (?hide=…&from=…), as the
 * embed code on the page and the oEmbed response both give it: one function, so they never disagree.
 */
export async function embedHeightFor(indicator: IndicatorSummary, search: string | URLSearchParams, locale: Locale): Promise<number> {
  const state = parseChartState(Object.fromEntries(new URLSearchParams(search)));
  return embedHeight(await chartSizes(indicator, state, locale));
}
