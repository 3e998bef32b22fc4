"use client";

import { lazy, Suspense, useState, useSyncExternalStore } from "react";
import type { LoadedExplorerSeries } from "./load-explorer-series";

// Recharts is the heaviest code on the site (about 115 KB gzipped): it is fetched only when a reader
// opens the explorer, and warmed up when the pointer or focus reaches the button. So is the code that
// reads the figures (zod, the chart state's parser, d3-scale): none of it is on the page's first view.
const loadChartExplorer = () => import("./ChartExplorer");
const loadSeries = () => import("./load-explorer-series").then((module) => module.loadExplorerSeries());
const LazyChartExplorer = lazy(loadChartExplorer);
const noSubscription = () => () => {};

type Loaded = LoadedExplorerSeries;
type Status = { kind: "closed" } | { kind: "loading" } | { kind: "failed"; message: string } | { kind: "open"; data: Loaded };

type Props = {
  label: string;
  hideLabel: string;
  /** The Intl locale of the explorer's numbers. */
  locale: string;
  legendLabel: string;
  words: { loading: string; failed: string; retry: string };
};

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
