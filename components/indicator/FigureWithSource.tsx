import { formatAsOf, formatFigure, PRODUCER_TYPE_LABELS } from "@/lib/format";
import type { PublicObservation } from "@/lib/observation-types";

/** One figure with everything a reader needs to cite it: hedge, as-of date, producer, source. */
export function FigureWithSource({ label, observation }: { label: string; observation: PublicObservation | null }) {
  return (
    <p className="figure">
      <span className="figure-kind">{label}</span>{" "}
      {observation ? (
        <>
          <span className="figure-value">{formatFigure(observation)}</span>{" "}
          <span className="figure-meta">
            ({formatAsOf(observation.asOf, observation.datePrecision)}) · {observation.producer.name},{" "}
            {PRODUCER_TYPE_LABELS[observation.producer.type].toLowerCase()} ·{" "}
            <a href={observation.source.url} rel="noopener noreferrer" target="_blank">
              source{observation.source.publisher ? `: ${observation.source.publisher}` : ""}
            </a>
          </span>
        </>
      ) : (
        <span className="muted">no figure on record</span>
      )}
    </p>
  );
}
