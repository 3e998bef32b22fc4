import "server-only";
import { getDb } from "../db/client";
import { isoDayOrNull } from "../dates";
import { PRODUCER_TYPE_DISPLAY_ORDER, SOURCE_CLASSES, type ProducerType, type SourceClass } from "../schemas/enums";
import { EVENTS_GROUP, SOURCES_PER_PAGE, SOURCES_SHOWN_PER_GROUP, type SourcesView } from "./source-overview-state";

// The public sources page: the sources behind what readers see, by class and by producer, and how
// many figures rest on a secondary source alone. A figure or event has exactly one source, so "its
// only source is secondary" is "its source is secondary".
//
// What counts: published figures (the tally, kept by a trigger, counts them per indicator, producer
// and source; drafts, superseded proposals and retracted figures are left out) and dated events
// (public once stored). A source is counted once per class however many producers cite it.

// One row per producer and source with the published figures it supports, and one row per source
// that events cite (no producer) with how many events cite it.
const CITED = `cited AS (
  SELECT t."producerId", t."sourceId", SUM(t.published)::int AS figures, 0 AS events
  FROM "ObservationTally" t WHERE t.published > 0 GROUP BY t."producerId", t."sourceId"
  UNION ALL
  SELECT NULL, e."sourceId", 0, COUNT(*)::int FROM "Event" e GROUP BY e."sourceId"
)`;

export type ClassTotals = { sourceClass: SourceClass; sources: number; figures: number; events: number };

export type SecondaryIndicator = { slug: string; nameEs: string; nameEn: string; figures: number };

export type SourceOverview = {
  /** Every class, in SOURCE_CLASSES order, zero where nothing cites a source of it. */
  classes: ClassTotals[];
  /** Indicators with published figures whose source is secondary, most such figures first. */
  secondaryByIndicator: SecondaryIndicator[];
};

/** Sources, figures and events per class, and where the figures that rest on a secondary source are. */
export async function getSourceOverview(): Promise<SourceOverview> {
  const db = getDb();
  const [totals, indicators] = await Promise.all([
    db.$queryRawUnsafe<ClassTotals[]>(
      `WITH ${CITED}
       SELECT s."sourceClass"::text AS "sourceClass", COUNT(DISTINCT c."sourceId")::int AS sources,
              SUM(c.figures)::int AS figures, SUM(c.events)::int AS events
       FROM cited c JOIN "Source" s ON s.id = c."sourceId" GROUP BY s."sourceClass"`,
    ),
    // Indicators are a curated list (a few dozen), so this list is bounded by design.
    db.$queryRawUnsafe<SecondaryIndicator[]>(
      `SELECT i.slug, i."nameEs", i."nameEn", SUM(t.published)::int AS figures
       FROM "ObservationTally" t JOIN "Source" s ON s.id = t."sourceId" JOIN "Indicator" i ON i.id = t."indicatorId"
       WHERE t.published > 0 AND s."sourceClass" = 'secondary'
       GROUP BY i.id ORDER BY figures DESC, i.slug`,
    ),
  ]);
  const byClass = new Map(totals.map((row) => [row.sourceClass, row]));
  return {
    classes: SOURCE_CLASSES.map((sourceClass) => byClass.get(sourceClass) ?? { sourceClass, sources: 0, figures: 0, events: 0 }),
    secondaryByIndicator: indicators,
  };
}

export type OverviewSource = {
  id: string;
  url: string;
  publisher: string | null;
  sourceClass: SourceClass;
  archivedUrl: string | null;
  /** YYYY-MM-DD while the link checker finds the page gone. */
  brokenSince: string | null;
  /** Published figures of this group's producer it supports, or events citing it (the events group). */
  cites: number;
  /** Where a reader finds those figures: the figure itself when there is one, its indicator when all are of one; null for events. */
  figures: CitingFigures | null;
};

/** The published figures a producer's source supports, as far as one link can lead to them. */
export type CitingFigures = {
  /** The one figure citing it, or null when several do. */
  figureId: string | null;
  /** The indicator all of them are figures of, or null when they span several. */
  indicatorSlug: string | null;
};

/** A class's sources from one producer, or from dated events (producer null). */
export type SourceGroup = {
  sourceClass: SourceClass;
  /** A producer's id or EVENTS_GROUP. */
  key: string;
  producer: { id: string; name: string; type: ProducerType } | null;
  sources: number;
  /** Published figures (a producer's group) or events (the events group) its sources support. */
  cites: number;
  /** The group's first sources, most cited first. */
  shown: OverviewSource[];
};

export type SourceGroupPage = { groups: SourceGroup[]; page: number; pageCount: number; pageSize: number };

type GroupRow = {
  sourceClass: SourceClass;
  producerId: string | null;
  name: string | null;
  type: ProducerType | null;
  sources: number;
  cites: number;
  pageCount: number;
};

const SOURCE_COLUMNS = `c."producerId", s.id, s.url, s.publisher, s."sourceClass"::text AS "sourceClass", s."archivedUrl",
  s."linkBrokenSince" AS "brokenSince", (c.figures + c.events)::int AS cites`;

type SourceRow = Omit<OverviewSource, "brokenSince" | "figures"> & { producerId: string | null; brokenSince: Date | null };

const toSource = (row: SourceRow, figures: CitingFigures | null): OverviewSource => ({
  id: row.id,
  url: row.url,
  publisher: row.publisher,
  sourceClass: row.sourceClass,
  archivedUrl: row.archivedUrl,
  brokenSince: isoDayOrNull(row.brokenSince),
  cites: row.cites,
  figures,
});

const pairKey = (producerId: string, sourceId: string) => `${producerId} ${sourceId}`;

/**
 * For the producers' sources on a page (a bounded list), where their figures are: the tally gives the
 * indicators, and only a source with a single figure needs that figure's id.
 */
async function citingFigures(rows: readonly SourceRow[]): Promise<(row: SourceRow) => CitingFigures | null> {
  const pairs = rows.filter((row) => row.producerId !== null);
  const found = pairs.length
    ? await getDb().$queryRawUnsafe<({ producerId: string; sourceId: string } & CitingFigures)[]>(
        `WITH pairs AS (SELECT * FROM UNNEST($1::text[], $2::text[]) AS p("producerId", "sourceId"))
         SELECT p."producerId", p."sourceId",
                CASE WHEN COUNT(DISTINCT t."indicatorId") = 1 THEN MIN(i.slug) END AS "indicatorSlug",
                CASE WHEN SUM(t.published) = 1 THEN (
                  SELECT o.id FROM "Observation" o
                  WHERE o."producerId" = p."producerId" AND o."sourceId" = p."sourceId" AND o.status = 'published' LIMIT 1
                ) END AS "figureId"
         FROM pairs p
         JOIN "ObservationTally" t ON t."producerId" = p."producerId" AND t."sourceId" = p."sourceId" AND t.published > 0
         JOIN "Indicator" i ON i.id = t."indicatorId"
         GROUP BY p."producerId", p."sourceId"`,
        pairs.map((row) => row.producerId),
        pairs.map((row) => row.id),
      )
    : [];
  const byPair = new Map(found.map(({ producerId, sourceId, ...figures }) => [pairKey(producerId, sourceId), figures]));
  return (row) => (row.producerId === null ? null : (byPair.get(pairKey(row.producerId, row.id)) ?? null));
}
const groupKey = (producerId: string | null) => producerId ?? EVENTS_GROUP;

/**
 * One page of groups, by class (primary, press, secondary), producer type (government first), then
 * producer name; the events group closes its class. Each group comes with its most cited sources.
 * A group starts on the page where the sources listed before it reach SOURCES_PER_PAGE, so a page
 * holds whole groups and a bounded number of sources.
 */
export async function listSourceGroups(view: Pick<SourcesView, "sourceClass" | "page">): Promise<SourceGroupPage> {
  const db = getDb();
  const rows = await db.$queryRawUnsafe<GroupRow[]>(
    `WITH ${CITED}, grouped AS (
       SELECT s."sourceClass", c."producerId", COUNT(*)::int AS sources, SUM(c.figures + c.events)::int AS cites
       FROM cited c JOIN "Source" s ON s.id = c."sourceId"
       WHERE $1::text IS NULL OR s."sourceClass"::text = $1
       GROUP BY s."sourceClass", c."producerId"
     ), placed AS (
       SELECT g.*, p.name, p.type,
              (SUM(LEAST(g.sources, $4)) OVER (
                 ORDER BY array_position($2::text[], g."sourceClass"::text),
                          COALESCE(array_position($3::text[], p.type::text), 1000), p.name, g."producerId"
                 ROWS UNBOUNDED PRECEDING
               ) - LEAST(g.sources, $4)) / $5 + 1 AS page
       FROM grouped g LEFT JOIN "Producer" p ON p.id = g."producerId"
     ), paged AS (
       SELECT placed.*, MAX(page) OVER () AS "pageCount" FROM placed
     )
     SELECT "sourceClass"::text AS "sourceClass", "producerId", name, type::text AS type, sources, cites, "pageCount"::int AS "pageCount"
     FROM paged WHERE page = $6
     ORDER BY array_position($2::text[], "sourceClass"::text), COALESCE(array_position($3::text[], type::text), 1000), name, "producerId"`,
    view.sourceClass,
    [...SOURCE_CLASSES],
    [...PRODUCER_TYPE_DISPLAY_ORDER],
    SOURCES_SHOWN_PER_GROUP,
    SOURCES_PER_PAGE,
    view.page,
  );
  const shown = rows.length
    ? await db.$queryRawUnsafe<SourceRow[]>(
        `WITH ${CITED}
         SELECT * FROM (
           SELECT ${SOURCE_COLUMNS},
                  ROW_NUMBER() OVER (PARTITION BY s."sourceClass", c."producerId" ORDER BY c.figures + c.events DESC, s.url) AS rank
           FROM cited c JOIN "Source" s ON s.id = c."sourceId"
           WHERE (s."sourceClass"::text, COALESCE(c."producerId", '')) IN (SELECT * FROM UNNEST($1::text[], $2::text[]))
         ) ranked WHERE rank <= $3 ORDER BY rank`,
        rows.map((row) => row.sourceClass),
        rows.map((row) => row.producerId ?? ""),
        SOURCES_SHOWN_PER_GROUP,
      )
    : [];
  const figuresOf = await citingFigures(shown);
  const groups = rows.map((row): SourceGroup => {
    const sources = shown.filter((source) => source.sourceClass === row.sourceClass && source.producerId === row.producerId);
    return {
      sourceClass: row.sourceClass,
      key: groupKey(row.producerId),
      producer: row.producerId ? { id: row.producerId, name: row.name!, type: row.type! } : null,
      sources: row.sources,
      cites: row.cites,
      shown: sources.map((source) => toSource(source, figuresOf(source))),
    };
  });
  return { groups, page: view.page, pageCount: rows[0]?.pageCount ?? 0, pageSize: SOURCES_PER_PAGE };
}

export type SourceGroupDetail = {
  group: Omit<SourceGroup, "shown">;
  sources: OverviewSource[];
  page: number;
  pageCount: number;
  pageSize: number;
};

/** One page of a group's sources, most cited first; null when nothing of that class comes from that group. */
export async function getSourceGroup(sourceClass: SourceClass, key: string, page: number): Promise<SourceGroupDetail | null> {
  const db = getDb();
  const producerId = key === EVENTS_GROUP ? null : key;
  const producer = producerId
    ? await db.producer.findUnique({ where: { id: producerId }, select: { id: true, name: true, type: true } })
    : null;
  if (producerId && !producer) return null;
  const rows = await db.$queryRawUnsafe<(SourceRow & { total: number; totalCites: number })[]>(
    `WITH ${CITED}
     SELECT ${SOURCE_COLUMNS}, (COUNT(*) OVER ())::int AS total, (SUM(c.figures + c.events) OVER ())::int AS "totalCites"
     FROM cited c JOIN "Source" s ON s.id = c."sourceId"
     WHERE s."sourceClass"::text = $1 AND c."producerId" IS NOT DISTINCT FROM $2
     ORDER BY c.figures + c.events DESC, s.url
     LIMIT $3 OFFSET $4`,
    sourceClass,
    producerId,
    SOURCES_PER_PAGE,
    (page - 1) * SOURCES_PER_PAGE,
  );
  if (!rows.length) return null;
  const figuresOf = await citingFigures(rows);
  return {
    group: { sourceClass, key, producer, sources: rows[0]!.total, cites: rows[0]!.totalCites },
    sources: rows.map((source) => toSource(source, figuresOf(source))),
    page,
    pageCount: Math.ceil(rows[0]!.total / SOURCES_PER_PAGE),
    pageSize: SOURCES_PER_PAGE,
  };
}
