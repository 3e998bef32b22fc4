import type { ChartObservation, ProducerType } from "@/lib/observations/types";
import { buildChartModel } from "./chart-model";
import { markerPath, SERIES_COLORS, SERIES_DASH } from "./marker-shapes";

const SIZE = { width: 240, height: 56, margin: { top: 6, right: 6, bottom: 6, left: 6 } };

/**
 * A small trend: one thin line per producer (never one merged line), drawn on the server. The lines
 * of one producer type share a path as separate subpaths (each starts with its own M, so no two
 * producers are joined), and their markers another: a card draws dozens of series, and one element
 * per series would weigh more than the page's own text.
 */
export function Sparkline({ observations, label }: { observations: ChartObservation[]; label: string }) {
  const model = buildChartModel(observations, [], { hidden: [], from: null, to: null, events: false }, SIZE);
  const byType = new Map<ProducerType, { lines: string; markers: string }>();
  for (const series of model.series) {
    const drawn = byType.get(series.producerType) ?? { lines: "", markers: "" };
    // A series of one figure has no line to draw: its marker is all of it.
    if (series.points.length > 1) drawn.lines += series.path;
    drawn.markers += series.points.map((point) => markerPath(series.producerType, point.cx, point.cy, 2.5)).join("");
    byType.set(series.producerType, drawn);
  }
  return (
    <svg className="sparkline" viewBox={`0 0 ${SIZE.width} ${SIZE.height}`} role="img" aria-label={label}>
      {[...byType].map(([type, { lines, markers }]) => (
        <g key={type} stroke={SERIES_COLORS[type]}>
          {lines ? <path d={lines} fill="none" strokeWidth={1.5} strokeDasharray={SERIES_DASH[type]} /> : null}
          <path d={markers} fill={SERIES_COLORS[type]} />
        </g>
      ))}
    </svg>
  );
}
