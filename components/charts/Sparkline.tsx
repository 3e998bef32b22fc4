import type { ChartObservation } from "@/lib/observations/types";
import { buildChartModel } from "./chart-model";
import { markerPath, SERIES_COLORS, SERIES_DASH } from "./marker-shapes";

const SIZE = { width: 240, height: 56, margin: { top: 6, right: 6, bottom: 6, left: 6 } };

/** A small trend: one thin line per producer (never one merged line), drawn on the server. */
export function Sparkline({ observations, label }: { observations: ChartObservation[]; label: string }) {
  const model = buildChartModel(observations, [], { hidden: [], from: null, to: null, events: false }, SIZE);
  return (
    <svg className="sparkline" viewBox={`0 0 ${SIZE.width} ${SIZE.height}`} role="img" aria-label={label}>
      {model.series.map((series) => (
        <g key={series.producerId}>
          <path
            d={series.path}
            fill="none"
            stroke={SERIES_COLORS[series.producerType]}
            strokeWidth={1.5}
            strokeDasharray={SERIES_DASH[series.producerType]}
          />
          {/* Every marker of the series in one path: a card draws dozens, and they share their colours. */}
          <path
            d={series.points.map((point) => markerPath(series.producerType, point.cx, point.cy, 2.5)).join("")}
            fill={SERIES_COLORS[series.producerType]}
            stroke={SERIES_COLORS[series.producerType]}
          />
        </g>
      ))}
    </svg>
  );
}
