import { z } from "zod";
import { ZObservationSnapshot, type ObservationSnapshot } from "@/lib/observations/snapshot";

/** A figure as the mutation routes answer it: the change log's snapshot, one schema for both. */
export const ZFigureSnapshot = ZObservationSnapshot;
export type FigureSnapshot = ObservationSnapshot;

/** What a 409 carries: the stored figure (stale version), or the correction already waiting. */
export const ZConflictDetails = z.object({
  current: ZFigureSnapshot.optional(),
  pendingDraftId: z.string().optional(),
});
