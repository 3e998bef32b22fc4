"use client";

import { useState, type Key } from "react";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, XAxis, YAxis } from "recharts";
import { PRODUCER_TYPE_LABELS } from "@/lib/format";
import type { ProducerType, PublicObservation } from "@/lib/observation-types";
import { buildSeriesByProducerType, type ChartPoint } from "./chart-series";
import { PointDetails, describePoint } from "./PointDetails";

// Official series are dashed as well as coloured, so they differ by more than colour.
const SERIES_STYLE: Record<ProducerType, { color: string; dash?: string }> = {
  government: { color: "var(--official)", dash: "6 4" },
  ngo: { color: "var(--independent)" },
  academic: { color: "var(--academic)" },
  media: { color: "var(--media)" },
  intergovernmental: { color: "var(--intergovernmental)" },
};

const yearTick = (ms: number) => String(new Date(ms).getUTCFullYear());

type ActivePoint = { point: ChartPoint; x: number; y: number };
type DotProps = { cx?: number; cy?: number; stroke?: string; payload?: ChartPoint; key?: Key | null };

// Each point is its own focusable element: hovering, focusing or tapping it shows that figure alone,
// even where several producers' figures fall on the same date.
function SeriesDot({
  cx,
  cy,
  stroke,
  payload,
  producerType,
  onActivate,
}: DotProps & { producerType: ProducerType; onActivate(active: ActivePoint): void }) {
  if (cx === undefined || cy === undefined || !payload) return null;
  const activate = () => onActivate({ point: payload, x: cx, y: cy });
  return (
    <circle
      cx={cx}
      cy={cy}
      r={5}
      stroke={stroke}
      strokeWidth={2}
      fill="var(--bg)"
      className={`chart-point chart-point-${producerType}`}
      data-observation={payload.observation.id}
      tabIndex={0}
      role="img"
      aria-label={describePoint(payload.observation)}
      onMouseEnter={activate}
      onFocus={activate}
      onClick={activate}
    />
  );
}

export function IndicatorChart({ observations, title }: { observations: PublicObservation[]; title: string }) {
  const series = buildSeriesByProducerType(observations);
  const [active, setActive] = useState<ActivePoint | null>(null);
  return (
    <figure className="chart-frame" aria-label={title} data-testid="indicator-chart">
      <ResponsiveContainer width="100%" height={360}>
        <LineChart margin={{ top: 10, right: 20, bottom: 10, left: 10 }}>
          <CartesianGrid strokeDasharray="2 4" />
          <XAxis dataKey="x" type="number" scale="time" domain={["dataMin", "dataMax"]} tickFormatter={yearTick} />
          <YAxis dataKey="y" type="number" width={70} />
          <Legend />
          {series.map(({ producerType, points }) => (
            <Line
              key={producerType}
              name={PRODUCER_TYPE_LABELS[producerType]}
              data={points}
              dataKey="y"
              stroke={SERIES_STYLE[producerType].color}
              strokeDasharray={SERIES_STYLE[producerType].dash}
              strokeWidth={2}
              dot={(props: DotProps) => (
                <SeriesDot
                  key={props.key ?? props.payload?.observation.id}
                  {...props}
                  producerType={producerType}
                  onActivate={setActive}
                />
              )}
              activeDot={false}
              isAnimationActive={false}
              className={`series series-${producerType}`}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
      {active ? (
        <PointDetails observation={active.point.observation} style={{ left: active.x + 12, top: active.y + 12 }} />
      ) : null}
    </figure>
  );
}
