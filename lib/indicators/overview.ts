import "server-only";
import { getDb } from "../db/client";
import { areComparable, distanceBetween, type FigureDistance } from "../observations/comparisons";
import { gapBetween, type Discrepancy } from "../observations/discrepancy";
import { periodEnd, periodEndSql } from "../observations/period";
import {
  CHART_OBSERVATION_COLUMNS,
  fromChartObservationRow,
  fromPublicObservationRow,
  PUBLIC_OBSERVATION_COLUMNS,
  PUBLIC_OBSERVATION_JOINS,
  type ChartObservationRow,
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

// For each indicator and producer with published figures (from the tally), the latest figure per
// date precision: one index probe each. The latest of these by period end is the card's headline
// figure, with the same tie-breaks as latestFigure over the figures oldest first (asOf, createdAt).
// Sparklines take a producer's figures whole when it has few, else the first figure on or after
// each of SPARKLINE_POINTS evenly spaced days between its first and latest (one probe each).
const DIGEST_SQL = `
WITH pairs AS (
  SELECT t."indicatorId", t."producerId", p.type::text = ANY($1::text[]) AS official, sum(t.published)::int AS figures
  FROM "ObservationTally" t JOIN "Producer" p ON p.id = t."producerId"
  WHERE t.published > 0
  GROUP BY 1, 2, 3
), latest AS (
  SELECT pairs.*, c.id, c."asOf", c."createdAt", c."datePrecision", ${periodEndSql("c")} AS "periodEnd"
  FROM pairs CROSS JOIN unnest(enum_range(NULL::"DatePrecision")) AS d(precision)
  CROSS JOIN LATERAL (
    SELECT o.id, o."asOf", o."createdAt", o."datePrecision" FROM "Observation" o
    WHERE o."indicatorId" = pairs."indicatorId" AND o."producerId" = pairs."producerId" AND o.status = 'published' AND o."datePrecision" = d.precision
    ORDER BY o."asOf" DESC, o."createdAt" DESC, o.id DESC LIMIT 1
  ) AS c
), headline AS (
  SELECT DISTINCT ON ("indicatorId", official) id, CASE WHEN official THEN 'official' ELSE 'independent' END AS role
  FROM latest ORDER BY "indicatorId", official, "periodEnd" DESC, "asOf" DESC, "createdAt" DESC, id DESC
), slots AS (
  SELECT latest."indicatorId", latest."producerId", latest."datePrecision",
         first."asOf" + ((latest."asOf" - first."asOf") * slot) / ($2::int - 1) AS "from"
  FROM latest
  CROSS JOIN LATERAL (
    SELECT o."asOf" FROM "Observation" o
    WHERE o."indicatorId" = latest."indicatorId" AND o."producerId" = latest."producerId" AND o.status = 'published' AND o."datePrecision" = latest."datePrecision"
    ORDER BY o."asOf" LIMIT 1
  ) AS first
  CROSS JOIN generate_series(0, $2::int - 1) AS slot
  WHERE latest.figures > $2::int
), sample AS (
  SELECT c.id FROM pairs CROSS JOIN LATERAL (
    SELECT o.id FROM "Observation" o
    WHERE o."indicatorId" = pairs."indicatorId" AND o."producerId" = pairs."producerId" AND o.status = 'published'
    LIMIT $2::int
  ) AS c
  WHERE pairs.figures <= $2::int
  UNION
  SELECT c.id FROM slots CROSS JOIN LATERAL (
    SELECT o.id FROM "Observation" o
    WHERE o."indicatorId" = slots."indicatorId" AND o."producerId" = slots."producerId" AND o.status = 'published'
      AND o."datePrecision" = slots."datePrecision" AND o."asOf" >= slots."from"
    ORDER BY o."asOf", o."createdAt", o.id LIMIT 1
  ) AS c
)
-- Headline figures by id (read in full afterwards); sparkline points with only what the chart reads.
SELECT picked.role, i.slug AS "indicatorSlug", ${CHART_OBSERVATION_COLUMNS}
FROM (SELECT role, id FROM headline UNION ALL SELECT 'sample', id FROM sample) AS picked
JOIN "Observation" o ON o.id = picked.id
JOIN "Indicator" i ON i.id = o."indicatorId"
JOIN "Producer" p ON p.id = o."producerId"
ORDER BY o."asOf", o."createdAt", o.id`;

type DigestRow = ChartObservationRow & { indicatorSlug: string; role: "official" | "independent" | "sample" };

const COUNTS_SQL = `
SELECT i.slug, i."valueKind"::text AS "valueKind", sum(t.published)::int AS figures, count(DISTINCT t."sourceId")::int AS sources
FROM "ObservationTally" t JOIN "Indicator" i ON i.id = t."indicatorId"
WHERE t.published > 0
GROUP BY i.slug, i."valueKind"`;

// Acts of the state about an indicator (the extension decrees of the state of exception): where no
// official figure exists, the card points to them instead of saying there is no official record.
// Only events related to the indicator itself count, not those that apply to every indicator.
const OFFICIAL_RECORD_KINDS = ["decree", "renewal"] as const;
const OFFICIAL_RECORD_SQL = `
SELECT DISTINCT i.slug
FROM "EventIndicator" ei JOIN "Event" e ON e.id = ei."eventId" JOIN "Indicator" i ON i.id = ei."indicatorId"
WHERE e.kind::text = ANY($1::text[])`;

/**
 * One digest per indicator slug. The work grows with the number of indicators and producers, not
 * with the number of figures: counts come from the tally, figures from index probes.
 */
export async function getIndicatorDigests(): Promise<Map<string, IndicatorDigest>> {
  const db = getDb();
  const [rows, counts, officialRecords] = await Promise.all([
    db.$queryRawUnsafe<DigestRow[]>(DIGEST_SQL, [...OFFICIAL_PRODUCER_TYPES], SPARKLINE_POINTS),
    db.$queryRawUnsafe<{ slug: string; valueKind: ValueKind; figures: number; sources: number }[]>(COUNTS_SQL),
    db.$queryRawUnsafe<{ slug: string }[]>(OFFICIAL_RECORD_SQL, [...OFFICIAL_RECORD_KINDS]),
  ]);
  const withOfficialRecord = new Set(officialRecords.map((row) => row.slug));
  const headlineIds = rows.filter((row) => row.role !== "sample").map((row) => row.id);
  const headlines = new Map(
    (
      await db.$queryRawUnsafe<PublicObservationRow[]>(
        `SELECT ${PUBLIC_OBSERVATION_COLUMNS} FROM "Observation" o ${PUBLIC_OBSERVATION_JOINS} WHERE o.id = ANY($1::text[])`,
        headlineIds,
      )
    ).map((row) => [row.id, fromPublicObservationRow(row)]),
  );
  const picked = new Map<
    string,
    { official: PublicObservation | null; independent: PublicObservation | null; sample: ChartObservation[] }
  >();
  for (const row of rows) {
    const digest = picked.get(row.indicatorSlug) ?? { official: null, independent: null, sample: [] };
    if (row.role === "sample") {
      digest.sample.push(fromChartObservationRow(row));
    } else {
      digest[row.role] = headlines.get(row.id) ?? null;
    }
    picked.set(row.indicatorSlug, digest);
  }
  return new Map(
    counts.map(({ slug, valueKind, figures, sources }) => {
      const digest = picked.get(slug);
      return [
        slug,
        {
          ...withGap(valueKind, digest?.official ?? null, digest?.independent ?? null),
          sample: digest?.sample ?? [],
          figureCount: figures,
          sourceCount: sources,
          officialRecord: !digest?.official && withOfficialRecord.has(slug),
        },
      ];
    }),
  );
}
