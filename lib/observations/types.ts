// Plain, serialisable shapes that pages and client components receive; UI code never sees Prisma.
import type { DatePrecision, ProducerType, PublicObservationStatus, Qualifier } from "../schemas/enums";

export type { DatePrecision, ProducerType, Qualifier } from "../schemas/enums";

export type PublicObservation = {
  id: string;
  indicatorSlug: string;
  /** Exact decimal as stored, e.g. "10.4"; never rounded. */
  value: string;
  valueMax: string | null;
  qualifier: Qualifier;
  /** First day of the period the figure refers to (YYYY-MM-DD). */
  asOf: string;
  datePrecision: DatePrecision;
  producer: { id: string; name: string; type: ProducerType };
  source: { url: string; publisher: string | null; publishedAt: string | null };
  attribution: string;
  noteEn: string | null;
  noteEs: string | null;
  status: PublicObservationStatus;
  /** Why and when a reviewer took the figure off the charts; it stays listed, marked. */
  retraction: { reason: string | null; at: string | null } | null;
};

/** What a chart reads of a figure (a sparkline is given no more than this). */
export type ChartObservation = Pick<PublicObservation, "id" | "value" | "valueMax" | "asOf" | "datePrecision" | "producer" | "status">;

export const OFFICIAL_PRODUCER_TYPES: readonly ProducerType[] = ["government"];
export const isOfficial = (type: ProducerType) => OFFICIAL_PRODUCER_TYPES.includes(type);
