import "server-only";
import { getDb } from "../db/client";
import { PUBLIC_ACTIONS } from "../changes/history";
import type { PublicFigureChange } from "../changes/public-change-shapes";
import { PUBLIC_CHANGE_SELECT, toPublicFigureChange } from "../changes/public-changes";
import { fromPublicObservationRow, PUBLIC_OBSERVATION_COLUMNS, PUBLIC_OBSERVATION_JOINS, type PublicObservationRow } from "./shapes";
import type { PublicObservation } from "./types";

// One figure's public page: the figure as readers see it on its indicator's table, and its public
// history. Drafts, discarded and superseded rows are never read here, whatever id is asked for.

export type PublicFigure = PublicObservation & { indicator: { slug: string; nameEs: string; nameEn: string } };

/** A published or retracted figure with its indicator's names; null for any other id. */
export async function getPublicFigure(id: string): Promise<PublicFigure | null> {
  const [row] = await getDb().$queryRawUnsafe<(PublicObservationRow & { indicatorNameEs: string; indicatorNameEn: string })[]>(
    `SELECT ${PUBLIC_OBSERVATION_COLUMNS}, i."nameEs" AS "indicatorNameEs", i."nameEn" AS "indicatorNameEn"
     FROM "Observation" o ${PUBLIC_OBSERVATION_JOINS}
     WHERE o.id = $1 AND o.status IN ('published', 'retracted')`,
    id,
  );
  if (!row) return null;
  return {
    ...fromPublicObservationRow(row),
    indicator: { slug: row.indicatorSlug, nameEs: row.indicatorNameEs, nameEn: row.indicatorNameEn },
  };
}

// A figure corrected more often than this is unusual; the change log keeps every entry beyond it.
const HISTORY_LIMIT = 100;

/** The figure's public history, oldest first: its publication, corrections and retraction, each with its reason, as the change log shows them. */
export async function listPublicFigureHistory(id: string): Promise<PublicFigureChange[]> {
  const rows = await getDb().changeEntry.findMany({
    where: { entityType: "observation", entityId: id, isPublic: true, action: { in: PUBLIC_ACTIONS } },
    orderBy: { sequence: "asc" },
    take: HISTORY_LIMIT,
    select: PUBLIC_CHANGE_SELECT,
  });
  return rows.map(toPublicFigureChange);
}
