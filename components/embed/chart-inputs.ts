import "server-only";
import type { ChartState } from "@/lib/charts/chart-state";
import { listEvents } from "@/lib/events/queries";
import { getChartData } from "@/lib/observations/chart-data";

/** What a chart outside the indicator page (the embed, the chart files) draws: the same figures and events as the page. */
export async function readChartInputs(indicatorId: string, state: ChartState) {
  const [chart, events] = await Promise.all([getChartData(indicatorId, state), listEvents()]);
  return { chart, events };
}
