"use client";

import { lazy, Suspense, useState, useSyncExternalStore, type ComponentProps } from "react";
import type ChartExplorer from "./ChartExplorer";

// Recharts is the heaviest code on the site (about 115 KB gzipped): it is fetched only when a reader
// opens the explorer, and warmed up when the pointer or focus reaches the button.
const loadChartExplorer = () => import("./ChartExplorer");
const LazyChartExplorer = lazy(loadChartExplorer);
const noSubscription = () => () => {};

/** Shows the zoomable explorer on request; its code is not part of the page until then. Without JavaScript it is not shown at all. */
export function ExploreButton({
  label,
  hideLabel,
  ...explorer
}: ComponentProps<typeof ChartExplorer> & { label: string; hideLabel: string }) {
  const [open, setOpen] = useState(false);
  // False in the server's HTML, true once hydrated: without JavaScript the button would do nothing.
  const scripted = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  if (!scripted) return null;
  return (
    <div className="explore">
      <button
        type="button"
        onClick={() => setOpen(!open)}
        onPointerEnter={() => void loadChartExplorer()}
        onFocus={() => void loadChartExplorer()}
        aria-expanded={open}
        data-testid="explore-button"
      >
        {open ? hideLabel : label}
      </button>
      {open ? (
        <Suspense fallback={null}>
          <LazyChartExplorer {...explorer} />
        </Suspense>
      ) : null}
    </div>
  );
}
