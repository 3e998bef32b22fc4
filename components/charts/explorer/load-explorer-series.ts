import { ZChartSeriesAnswer } from "@/lib/public-api/chart-series";
import { chartSeriesUrl, explorerDataOf } from "./explorer-data";

export type LoadedExplorerSeries = ReturnType<typeof explorerDataOf> & { scale: "linear" | "log" };

// The series are read when the explorer opens, for the chart state in the page's address, not sent with the page.
export async function loadExplorerSeries(): Promise<LoadedExplorerSeries> {
  const src = chartSeriesUrl(window.location.pathname, window.location.search);
  if (!src) throw new Error(window.location.pathname);
  const response = await fetch(src, { headers: { accept: "application/json" } });
  const payload: unknown = await response.json().catch(() => null);
  const answer = ZChartSeriesAnswer.safeParse((payload as { data?: unknown } | null)?.data);
  if (!response.ok || !answer.success) {
    const message = (payload as { error?: { message?: unknown } } | null)?.error?.message;
    throw new Error(typeof message === "string" ? message : `${response.status} ${response.statusText}`);
  }
  return { ...explorerDataOf(answer.data.series), scale: answer.data.scale };
}
