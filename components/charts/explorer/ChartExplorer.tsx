"use client";

import { useMemo, useState, useSyncExternalStore } from "react";
import { Brush, CartesianGrid, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { markerPath, SERIES_COLORS, SERIES_DASH } from "../marker-shapes";
import { explorerXAxis, explorerYAxis, type ExplorerPoint, type ExplorerRow, type ExplorerSeries } from "./explorer-data";

type Props = {
  rows: ExplorerRow[];
  /** The series the page's chart draws (the reader's selection applied), in its order. */
  series: ExplorerSeries[];
  /** Text for each drawn figure, keyed by `${seriesKey}|${x}`, written on the server with its provenance. */
  labels: Record<string, string>;
  locale: string;
  scale: "linear" | "log";
  legendLabel: string;
};

const yearOf = (ms: number) => String(new Date(ms).getUTCFullYear());

// On a phone the page's chart labels at most four years (CHART_SIZES.narrow); twelve would run into each other.
const PHONE = "(max-width: 600px)";
const onPhoneChange = (change: () => void) => {
  const query = window.matchMedia(PHONE);
  query.addEventListener("change", change);
  return () => query.removeEventListener("change", change);
};

// Loaded only when a reader asks to zoom: the page's chart is server-rendered SVG, and this
// interactive view (Recharts with a brush) is the heavy part, fetched on demand. Its points sit
// where the page's chart puts them (the middle of each figure's period), its axes are computed like
// the chart's (whole years, nice values) for the rows the brush leaves in view, and its legend names
// each series with its producer type.
export default function ChartExplorer({ rows, series, labels, locale, scale, legendLabel }: Props) {
  const [brushed, setBrushed] = useState<{ start: number; end: number }>({ start: 0, end: Math.max(0, rows.length - 1) });
  const shown = useMemo(() => rows.slice(brushed.start, brushed.end + 1), [rows, brushed]);
  const phone = useSyncExternalStore(
    onPhoneChange,
    () => window.matchMedia(PHONE).matches,
    () => false,
  );
  const x = explorerXAxis(shown, phone ? 4 : 12);
  const y = explorerYAxis(
    shown,
    series.map((entry) => entry.key),
    scale,
  );
  const numberFormat = new Intl.NumberFormat(locale, { maximumFractionDigits: 6 });
  return (
    <div className="chart-explorer" data-testid="chart-explorer">
      <ResponsiveContainer width="100%" height={380}>
        <ComposedChart data={rows} margin={{ top: 10, right: 20, bottom: 10, left: 10 }}>
          <CartesianGrid strokeDasharray="2 4" stroke="var(--grid)" />
          <XAxis
            dataKey="x"
            type="number"
            scale="time"
            domain={x.domain}
            ticks={x.ticks}
            interval={0}
            tickFormatter={yearOf}
            allowDataOverflow
            stroke="var(--muted)"
          />
          <YAxis
            stroke="var(--muted)"
            width={70}
            scale={scale}
            domain={y.domain}
            ticks={y.ticks}
            interval={0}
            allowDataOverflow
            tickFormatter={(value: number) => numberFormat.format(value)}
          />
          <Tooltip
            labelFormatter={() => ""}
            formatter={(_value, _name, item) => [labels[`${String(item.dataKey)}|${(item.payload as ExplorerRow).x}`] ?? "", ""]}
            separator=""
            contentStyle={{ background: "var(--bg)", borderColor: "var(--border)", maxWidth: 320, whiteSpace: "normal" }}
          />
          {series.map((entry) => (
            <Line
              key={entry.key}
              dataKey={entry.key}
              name={entry.legend}
              stroke={SERIES_COLORS[entry.producerType]}
              strokeDasharray={SERIES_DASH[entry.producerType]}
              strokeWidth={2}
              connectNulls
              isAnimationActive={false}
            />
          ))}
          <Brush
            dataKey="x"
            height={28}
            tickFormatter={yearOf}
            stroke="var(--muted)"
            fill="var(--panel)"
            onChange={({ startIndex, endIndex }) => {
              if (startIndex !== undefined && endIndex !== undefined) setBrushed({ start: startIndex, end: endIndex });
            }}
          />
        </ComposedChart>
      </ResponsiveContainer>
      <ul className="explorer-legend" aria-label={legendLabel} data-testid="explorer-legend">
        {series.map((entry) => (
          <li key={entry.key}>
            <svg width="34" height="14" viewBox="0 0 34 14" aria-hidden="true">
              <path
                d="M1,7H33"
                stroke={SERIES_COLORS[entry.producerType]}
                strokeWidth={2}
                strokeDasharray={SERIES_DASH[entry.producerType]}
              />
              <path
                d={markerPath(entry.producerType, 17, 7, 4)}
                fill={entry.producerType === "intergovernmental" ? "none" : "var(--bg)"}
                stroke={SERIES_COLORS[entry.producerType]}
                strokeWidth={2}
              />
            </svg>
            {entry.legend}
          </li>
        ))}
      </ul>
    </div>
  );
}

export type { ExplorerPoint };
