import { z } from "zod";
import { ZDatePrecision, ZObservationStatus, ZProducerType, ZQualifier, ZSourceClass } from "../schemas/enums";

// A figure as the change log records it and the editor's routes answer it: written by
// toObservationSnapshot (./shapes.ts) for the form, the API and the CSV import alike, read by the
// public change log and the editor in the browser. No database import: the browser parses with it.

export const ZObservationSnapshot = z.object({
  id: z.string(),
  indicator: z.string(),
  value: z.string(),
  valueMax: z.string().nullable(),
  qualifier: ZQualifier,
  asOf: z.string(),
  datePrecision: ZDatePrecision,
  producer: z.object({ name: z.string(), type: ZProducerType }),
  // The source's class and retrieval day were added later: older entries lack them.
  source: z.object({
    url: z.string(),
    publisher: z.string().nullable(),
    publishedAt: z.string().nullable(),
    retrievedAt: z.string().nullable().optional(),
    class: ZSourceClass.optional(),
  }),
  attribution: z.string(),
  noteEn: z.string().nullable(),
  noteEs: z.string().nullable(),
  status: ZObservationStatus,
  version: z.number(),
});

export type ObservationSnapshot = z.infer<typeof ZObservationSnapshot>;
