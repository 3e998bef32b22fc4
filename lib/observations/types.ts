// Plain, serialisable shapes that pages and client components receive; UI code never sees Prisma.
import type { ProducerType, PublicObservationStatus } from "../schemas/enums";
import type { FigureFacts } from "./shapes";

export type { DatePrecision, ProducerType, Qualifier } from "../schemas/enums";

/** A published or retracted figure with its provenance; its facts are those of every shape (./shapes.ts). */
export type PublicObservation = Omit<FigureFacts, "producer"> & {
  id: string;
  indicatorSlug: string;
  producer: FigureFacts["producer"] & { id: string };
  status: PublicObservationStatus;
  /** Why and when a reviewer took the figure off the charts; it stays listed, marked. */
  retraction: { reason: string | null; at: string | null } | null;
};

/** What a chart reads of a figure (a sparkline is given no more than this). */
export type ChartObservation = Pick<PublicObservation, "id" | "value" | "valueMax" | "asOf" | "datePrecision" | "producer" | "status">;

export const OFFICIAL_PRODUCER_TYPES: readonly ProducerType[] = ["government"];
export const isOfficial = (type: ProducerType) => OFFICIAL_PRODUCER_TYPES.includes(type);
