"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { TooltipContentProps } from "recharts";
import type { NameType, ValueType } from "recharts/types/component/DefaultTooltipContent";
import { formatAsOf, formatFigure, PRODUCER_TYPE_LABELS } from "@/lib/format";
import type { ProducerType, PublicObservation } from "@/lib/observation-types";
import { buildSeriesByProducerType, type ChartPoint } from "./chart-series";

// Official series are dashed as well as coloured, so they differ by more than colour.
const SERIES_STYLE: Record<ProducerType, { color: string; dash?: string }> = {
  government: { color: "var(--official)", dash: "6 4" },
  ngo: { color: "var(--independent)" },
  academic: { color: "#2e7d32" },
  media: { color: "#8e5b00" },
  intergovernmental: { color: "#6a3d9a" },
};

const yearTick = (ms: number) => String(new Date(ms).getUTCFullYear());

function PointTooltip({ active, payload }: TooltipContentProps<ValueType, NameType>) {
  const point = active ? (payload?.[0]?.payload as ChartPoint | undefined) : undefined;
  if (!point) return null;
  const { observation } = point;
  return (
    <div className="chart-tooltip" role="status">
      <strong>{formatFigure(observation)}</strong>
      <div>{formatAsOf(observation.asOf, observation.datePrecision)}</div>
      <div>
        {observation.producer.name} ({PRODUCER_TYPE_LABELS[observation.producer.type].toLowerCase()})
      </div>
      <a href={observation.source.url} rel="noopener noreferrer" target="_blank">
        Source: {observation.source.publisher ?? observation.source.url}
      </a>
    </div>
  );
}

export function IndicatorChart({ observations, title }: { observations: PublicObservation[]; title: string }) {
  const series = buildSeriesByProducerType(observations);
  return (
    <figure className="chart-frame" aria-label={title} data-testid="indicator-chart">
      <ResponsiveContainer width="100%" height={360}>
        <LineChart margin={{ top: 10, right: 20, bottom: 10, left: 10 }}>
          <CartesianGrid strokeDasharray="2 4" />
          <XAxis dataKey="x" type="number" scale="time" domain={["dataMin", "dataMax"]} tickFormatter={yearTick} />
          <YAxis dataKey="y" type="number" width={70} />
          <Tooltip content={PointTooltip} wrapperStyle={{ pointerEvents: "auto" }} />
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
              dot={{ r: 4 }}
              isAnimationActive={false}
              className={`series series-${producerType}`}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}
