import type { CSSProperties } from "react";
import { formatAsOf, formatFigure, PRODUCER_TYPE_LABELS } from "@/lib/format";
import type { PublicObservation } from "@/lib/observation-types";

export function describePoint(observation: PublicObservation): string {
  return `${formatFigure(observation)}, ${formatAsOf(observation.asOf, observation.datePrecision)}, ${observation.producer.name} (${PRODUCER_TYPE_LABELS[observation.producer.type].toLowerCase()})`;
}

/** The figure under the pointer or keyboard focus, with what a reader needs to cite it. */
export function PointDetails({ observation, style }: { observation: PublicObservation; style?: CSSProperties }) {
  return (
    <div className="chart-tooltip" role="status" style={style}>
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
