import { IndicatorChart } from "@/components/charts/IndicatorChart";
import type { IndicatorSummary } from "@/lib/indicators";
import type { PublicObservation } from "@/lib/observation-types";
import { ObservationTable } from "./ObservationTable";

export function IndicatorPage({ indicator, observations }: { indicator: IndicatorSummary; observations: PublicObservation[] }) {
  return (
    <article>
      <h1>{indicator.nameEn}</h1>
      <p>{indicator.descriptionEn}</p>
      <p className="muted">Unit: {indicator.unit}</p>
      <IndicatorChart observations={observations} title={`${indicator.nameEn}: figures by producer type`} />
      <h2>All figures</h2>
      <ObservationTable observations={observations} />
    </article>
  );
}
