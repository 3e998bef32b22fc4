"use client";

import dynamic from "next/dynamic";
import { useState, type ComponentProps } from "react";
import type ChartExplorer from "./ChartExplorer";

const LazyChartExplorer = dynamic(() => import("./ChartExplorer"), { ssr: false });

/** Shows the zoomable explorer on request; its code is not part of the page until then. */
export function ExploreButton({ label, hideLabel, ...explorer }: ComponentProps<typeof ChartExplorer> & { label: string; hideLabel: string }) {
  const [open, setOpen] = useState(false);
  return (
    <div className="explore">
      <button type="button" onClick={() => setOpen(!open)} aria-expanded={open} data-testid="explore-button">
        {open ? hideLabel : label}
      </button>
      {open ? <LazyChartExplorer {...explorer} /> : null}
    </div>
  );
}
