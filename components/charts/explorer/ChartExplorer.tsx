"use client";

import { Brush, CartesianGrid, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { SERIES_COLORS, SERIES_DASH } from "../marker-shapes";
import type { ExplorerPoint, ExplorerRow, ExplorerSeries } from "./explorer-data";

type Props = {
  rows: ExplorerRow[];
  series: ExplorerSeries[];
  /** Text for each drawn figure, keyed by `${seriesKey}|${x}`, written on the server with its provenance. */
  labels: Record<string, string>;
  locale: string;
};

const yearOf = (ms: number) => String(new Date(ms).getUTCFullYear());

// Loaded only when a reader asks to zoom: the page's chart is server-rendered SVG, and this
// interactive view (Recharts with a brush) is the heavy part, fetched on demand.
export default function ChartExplorer({ rows, series, labels, locale }: Props) {
  const dateFormat = new Intl.DateTimeFormat(locale, { month: "short", year: "numeric", timeZone: "UTC" });
  return (
    <div className="chart-explorer" data-testid="chart-explorer">
      <ResponsiveContainer width="100%" height={380}>
        <ComposedChart data={rows} margin={{ top: 10, right: 20, bottom: 10, left: 10 }}>
          <CartesianGrid strokeDasharray="2 4" stroke="var(--grid)" />
          <XAxis dataKey="x" type="number" scale="time" domain={["dataMin", "dataMax"]} tickFormatter={yearOf} stroke="var(--muted)" />
          <YAxis stroke="var(--muted)" width={70} />
          <Tooltip
            labelFormatter={(x) => dateFormat.format(new Date(Number(x)))}
            formatter={(_value, _name, item) => [labels[`${String(item.dataKey)}|${(item.payload as ExplorerRow).x}`] ?? "", ""]}
            contentStyle={{ background: "var(--bg)", borderColor: "var(--border)", maxWidth: 320, whiteSpace: "normal" }}
          />
          {series.map((entry) => (
            <Line
              key={entry.key}
              dataKey={entry.key}
              name={entry.name}
              stroke={SERIES_COLORS[entry.producerType]}
              strokeDasharray={SERIES_DASH[entry.producerType]}
              strokeWidth={2}
              connectNulls
              isAnimationActive={false}
            />
          ))}
          <Brush dataKey="x" height={28} tickFormatter={yearOf} stroke="var(--muted)" fill="var(--panel)" />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}

export type { ExplorerPoint };
