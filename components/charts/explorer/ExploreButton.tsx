"use client";

import { lazy, Suspense, useState, useSyncExternalStore } from "react";
import { ZChartSeriesAnswer } from "@/lib/public-api/chart-series";
import { chartSeriesUrl, explorerDataOf } from "./explorer-data";

// Recharts is the heaviest code on the site (about 115 KB gzipped): it is fetched only when a reader
// opens the explorer, and warmed up when the pointer or focus reaches the button.
const loadChartExplorer = () => import("./ChartExplorer");
const LazyChartExplorer = lazy(loadChartExplorer);
const noSubscription = () => () => {};

type Loaded = ReturnType<typeof explorerDataOf> & { scale: "linear" | "log" };
type Status = { kind: "closed" } | { kind: "loading" } | { kind: "failed"; message: string } | { kind: "open"; data: Loaded };

type Props = {
  label: string;
  hideLabel: string;
  /** The Intl locale of the explorer's numbers. */
  locale: string;
  legendLabel: string;
  words: { loading: string; failed: string; retry: string };
};

// The series are read when the explorer opens, for the chart state in the page's address, not sent with the page.
async function loadSeries(): Promise<Loaded> {
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

/** Shows the zoomable explorer on request; its code and its figures are not part of the page until then. Without JavaScript it is not shown at all. */
export function ExploreButton({ label, hideLabel, locale, legendLabel, words }: Props) {
  const [status, setStatus] = useState<Status>({ kind: "closed" });
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  // False in the server's HTML, true once hydrated: without JavaScript the button would do nothing.
  const scripted = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  if (!scripted) return null;

  const open = () => {
    if (loaded) return setStatus({ kind: "open", data: loaded });
    setStatus({ kind: "loading" });
    Promise.all([loadSeries(), loadChartExplorer()]).then(
      ([data]) => {
        setLoaded(data);
        setStatus((current) => (current.kind === "loading" ? { kind: "open", data } : current));
      },
      (error: unknown) =>
        setStatus((current) =>
          current.kind === "loading" ? { kind: "failed", message: error instanceof Error ? error.message : String(error) } : current,
        ),
    );
  };
  const expanded = status.kind !== "closed";
  return (
    <div className="explore">
      <button
        type="button"
        onClick={() => (expanded ? setStatus({ kind: "closed" }) : open())}
        onPointerEnter={() => void loadChartExplorer()}
        onFocus={() => void loadChartExplorer()}
        aria-expanded={expanded}
        data-testid="explore-button"
      >
        {expanded ? hideLabel : label}
      </button>
      {status.kind === "loading" ? (
        <p className="explore-status muted" role="status" data-testid="explorer-loading">
          {words.loading}
        </p>
      ) : status.kind === "failed" ? (
        <p className="explore-status" role="alert" data-testid="explorer-error">
          {words.failed} <span className="muted">({status.message})</span>{" "}
          <button type="button" onClick={open}>
            {words.retry}
          </button>
        </p>
      ) : status.kind === "open" ? (
        <Suspense fallback={<p className="explore-status muted">{words.loading}</p>}>
          <LazyChartExplorer {...status.data} locale={locale} legendLabel={legendLabel} />
        </Suspense>
      ) : null}
    </div>
  );
}
