import "server-only";
import { getDb } from "../db/client";
import { areComparable, distanceBetween, type FigureDistance } from "../observations/comparisons";
import { gapBetween, type Discrepancy } from "../observations/discrepancy";
import { periodEnd, periodEndSql } from "../observations/period";
import {
  fromChartObservationRow,
  fromPublicObservationRow,
  PUBLIC_OBSERVATION_COLUMNS,
  PUBLIC_OBSERVATION_JOINS,
  type PublicObservationRow,
} from "../observations/shapes";
import { type ChartObservation, isOfficial, OFFICIAL_PRODUCER_TYPES, type PublicObservation } from "../observations/types";
import type { ValueKind } from "../schemas/enums";

export type IndicatorDigest = {
  official: PublicObservation | null;
  independent: PublicObservation | null;
  /** When the two latest figures can be compared (lib/observations/comparisons.ts) and are single values. */
  gap: Discrepancy | null;
  /** When they cannot: how far apart they are, so the card never sets them side by side unsaid. */
  distance: FigureDistance | null;
  /** No official figure, but official acts on record about the indicator (decree or renewal events). */
  officialRecord: boolean;
  /** Real published figures for the sparkline: all of a producer's, or SPARKLINE_POINTS spread over its time span. */
  sample: ChartObservation[];
  figureCount: number;
  sourceCount: number;
};

/** Most figures a sparkline draws per producer and date precision; a series with more is sampled. */
export const SPARKLINE_POINTS = 10;

/** The latest of a list by the end of the period each figure covers: a yearly 2025 figure is later than March 2025. */
export function latestFigure(observations: PublicObservation[]): PublicObservation | null {
  return observations.reduce<PublicObservation | null>(
    (best, candidate) => (!best || periodEnd(candidate) >= periodEnd(best) ? candidate : best),
    null,
  );
}

// The card sets the latest official and the latest independent figure side by side: with their gap
// when the comparison rule pairs them, else with the time between them ("2 years apart").
function withGap(valueKind: ValueKind, official: PublicObservation | null, independent: PublicObservation | null) {
  if (!official || !independent) return { official, independent, gap: null, distance: null };
  const comparable = areComparable(valueKind, official, independent);
  return {
    official,
    independent,
    gap: comparable && !official.valueMax && !independent.valueMax ? gapBetween(official, independent) : null,
    distance: comparable ? null : distanceBetween(official, independent),
  };
}

/** The digest of one indicator from all its published figures, oldest first (the reference getIndicatorDigests matches). */
export function digest(valueKind: ValueKind, observations: PublicObservation[], officialRecord = false): IndicatorDigest {
  return {
    ...withGap(
      valueKind,
      latestFigure(observations.filter((o) => isOfficial(o.producer.type))),
      latestFigure(observations.filter((o) => !isOfficial(o.producer.type))),
    ),
    sample: observations,
    figureCount: observations.length,
    sourceCount: new Set(observations.map((o) => o.source.url)).size,
    officialRecord: officialRecord && !observations.some((o) => isOfficial(o.producer.type)),
  };
}

// Everything the overview's cards read, in one statement over the series summaries (SeriesSummary,
// kept by a trigger in the transaction of every write to a published figure; see the migration
// series_summaries): per indicator its figure count, its source count (from the tally), whether
// official acts about it are on record, its headline figures (of each side, the latest of its series'
// latest figures by period end, with latestFigure's tie-breaks) and its sparkline points. The work
// grows with the number of indicators and producers, not with the number of figures.
// $1 official producer types, $2 event kinds that are official acts.
const DIGEST_SQL = `
WITH series AS MATERIALIZED (
  SELECT ss."indicatorId", ss."latestId", ss."sampleIds", ss.figures, p.type::text = ANY($1::text[]) AS official
  FROM "SeriesSummary" ss JOIN "Producer" p ON p.id = ss."producerId"
), headline AS (
  SELECT DISTINCT ON (s."indicatorId", s.official) o.id, CASE WHEN s.official THEN 'official' ELSE 'independent' END AS role
  FROM series s JOIN "Observation" o ON o.id = s."latestId"
  ORDER BY s."indicatorId", s.official, ${periodEndSql("o")} DESC, o."asOf" DESC, o."createdAt" DESC, o.id DESC
), indicators AS MATERIALIZED (
  -- Once per indicator, not once per figure picked.
  SELECT i.id, i."valueKind"::text AS "valueKind",
         (SELECT sum(s.figures)::int FROM series s WHERE s."indicatorId" = i.id) AS figures,
         (SELECT count(DISTINCT t."sourceId")::int FROM "ObservationTally" t WHERE t."indicatorId" = i.id AND t.published > 0) AS sources,
         EXISTS (SELECT 1 FROM "EventIndicator" ei JOIN "Event" e ON e.id = ei."eventId"
                 WHERE ei."indicatorId" = i.id AND e.kind::text = ANY($2::text[])) AS "officialRecord"
  FROM "Indicator" i WHERE EXISTS (SELECT 1 FROM series s WHERE s."indicatorId" = i.id)
), picked AS MATERIALIZED (
  SELECT role, id FROM headline UNION ALL SELECT 'sample', unnest(s."sampleIds") FROM series s
), figures AS MATERIALIZED (
  -- The picked figures by primary key, whatever the estimates: joined on their indicator instead, the
  -- planner once read every figure of every indicator (a million at the growth benchmark, 10 s).
  SELECT * FROM "Observation" WHERE id = ANY (ARRAY(SELECT id FROM picked))
)
SELECT picked.role, ind."valueKind", ind.figures, ind.sources, ind."officialRecord", ${PUBLIC_OBSERVATION_COLUMNS}
FROM picked
JOIN figures o ON o.id = picked.id
${PUBLIC_OBSERVATION_JOINS}
JOIN indicators ind ON ind.id = o."indicatorId"
ORDER BY o."asOf", o."createdAt", o.id`;

type DigestRow = PublicObservationRow & {
  role: "official" | "independent" | "sample";
  valueKind: ValueKind;
  figures: number;
  sources: number;
  officialRecord: boolean;
};

// Acts of the state about an indicator (the extension decrees of the state of exception): where no
// official figure exists, the card points to them instead of saying there is no official record.
// Only events related to the indicator itself count, not those that apply to every indicator.
const OFFICIAL_RECORD_KINDS = ["decree", "renewal"] as const;

/**
 * One digest per indicator slug. The work grows with the number of indicators and producers, not
 * with the number of figures: counts come from the tally, figures from index probes.
 */
export async function getIndicatorDigests(): Promise<Map<string, IndicatorDigest>> {
  const rows = await getDb().$queryRawUnsafe<DigestRow[]>(DIGEST_SQL, [...OFFICIAL_PRODUCER_TYPES], [...OFFICIAL_RECORD_KINDS]);
  const picked = new Map<
    string,
    Pick<DigestRow, "valueKind" | "figures" | "sources" | "officialRecord"> & {
      official: PublicObservation | null;
      independent: PublicObservation | null;
      sample: ChartObservation[];
    }
  >();
  for (const row of rows) {
    const { valueKind, figures, sources, officialRecord } = row;
    const digest = picked.get(row.indicatorSlug) ?? {
      valueKind,
      figures,
      sources,
      officialRecord,
      official: null,
      independent: null,
      sample: [],
    };
    if (row.role === "sample") digest.sample.push(fromChartObservationRow(row));
    else digest[row.role] = fromPublicObservationRow(row);
    picked.set(row.indicatorSlug, digest);
  }
  return new Map(
    [...picked].map(([slug, digest]) => [
      slug,
      {
        ...withGap(digest.valueKind, digest.official, digest.independent),
        sample: digest.sample,
        figureCount: digest.figures,
        sourceCount: digest.sources,
        officialRecord: !digest.official && digest.officialRecord,
      },
    ]),
  );
}
