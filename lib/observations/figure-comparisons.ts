import "server-only";
import { getDb } from "../db/client";
import type { SourceClass, ValueKind } from "../schemas/enums";
import { groupComparableFigures, type ComparisonGroup } from "./comparisons";
import { fromPublicObservationRow, PUBLIC_OBSERVATION_COLUMNS, PUBLIC_OBSERVATION_JOINS, type PublicObservationRow } from "./shapes";

/**
 * Most recent published figures of an indicator that "Where the figures disagree" compares. The
 * largest indicator has a few dozen figures; past this many (read newest first along the index on
 * indicator, status and date) older figures are not compared, and the page says so. The grouping
 * grows with the cube of the figures that are all near one another (five producers counting daily:
 * 400 figures took seconds of a render and listed hundreds of thousands of official-against-
 * independent gaps; 100 take milliseconds).
 */
export const COMPARED_FIGURES_LIMIT = 100;

export type FigureComparisons = {
  valueKind: ValueKind;
  /** Groups of comparable figures from at least two producers, most recent first. */
  groups: ComparisonGroup[];
  /** Producers with a published figure here: with one, there is nothing to compare. */
  producerCount: number;
  /** Older figures exist beyond the `limit` most recent ones compared. */
  truncated: boolean;
  limit: number;
};

/**
 * The groups of figures that can be set side by side on an indicator page (rule: ./comparisons.ts),
 * from sources of the given classes only when `sourceClasses` is set (the page's first-hand filter).
 */
export async function listFigureComparisons(
  indicatorId: string,
  limit = COMPARED_FIGURES_LIMIT,
  sourceClasses: readonly SourceClass[] | null = null,
): Promise<FigureComparisons> {
  const db = getDb();
  const [[facts], rows] = await Promise.all([
    db.$queryRawUnsafe<{ valueKind: ValueKind; producers: number }[]>(
      `SELECT i."valueKind"::text AS "valueKind",
              (SELECT count(DISTINCT t."producerId") FROM "ObservationTally" t JOIN "Source" s ON s.id = t."sourceId"
               WHERE t."indicatorId" = i.id AND t.published > 0
                 AND ($2::text[] IS NULL OR s."sourceClass"::text = ANY($2::text[])))::int AS producers
       FROM "Indicator" i WHERE i.id = $1`,
      indicatorId,
      sourceClasses,
    ),
    db.$queryRawUnsafe<PublicObservationRow[]>(
      `SELECT ${PUBLIC_OBSERVATION_COLUMNS} FROM "Observation" o ${PUBLIC_OBSERVATION_JOINS}
       WHERE o."indicatorId" = $1 AND o.status = 'published' AND ($3::text[] IS NULL OR s."sourceClass"::text = ANY($3::text[]))
       ORDER BY o."asOf" DESC, o.id DESC LIMIT $2`,
      indicatorId,
      limit + 1,
      sourceClasses,
    ),
  ]);
  if (!facts) return { valueKind: "point_in_time_count", groups: [], producerCount: 0, truncated: false, limit };
  return {
    valueKind: facts.valueKind,
    groups: groupComparableFigures(facts.valueKind, rows.slice(0, limit).map(fromPublicObservationRow)),
    producerCount: facts.producers,
    truncated: rows.length > limit,
    limit,
  };
}
