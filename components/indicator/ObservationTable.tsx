import { formatAsOf, formatFigure, PRODUCER_TYPE_LABELS } from "@/lib/format";
import type { PublicObservation } from "@/lib/observation-types";

export function ObservationTable({ observations }: { observations: PublicObservation[] }) {
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption className="muted">Every published figure, with its source</caption>
        <thead>
          <tr>
            <th scope="col">Figure</th>
            <th scope="col">As of</th>
            <th scope="col">Producer</th>
            <th scope="col">Type</th>
            <th scope="col">Source</th>
            <th scope="col">Note</th>
          </tr>
        </thead>
        <tbody>
          {observations.map((observation) => (
            <tr key={observation.id} data-observation={observation.id}>
              <td className="number">{formatFigure(observation)}</td>
              <td>{formatAsOf(observation.asOf, observation.datePrecision)}</td>
              <td>{observation.producer.name}</td>
              <td>{PRODUCER_TYPE_LABELS[observation.producer.type]}</td>
              <td>
                <a href={observation.source.url} rel="noopener noreferrer" target="_blank">
                  {observation.attribution}
                </a>
                {observation.source.publishedAt ? (
                  <span className="muted"> ({formatAsOf(observation.source.publishedAt, "day")})</span>
                ) : null}
              </td>
              <td>{observation.noteEn}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
