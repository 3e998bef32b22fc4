-- CreateTable
CREATE TABLE "SeriesSummary" (
    "indicatorId" TEXT NOT NULL,
    "producerId" TEXT NOT NULL,
    "figures" INTEGER NOT NULL,
    "earliestId" TEXT NOT NULL,
    "latestId" TEXT NOT NULL,
    "sampleIds" TEXT[],
    "pointIds" TEXT[],
    "pointBound" INTEGER NOT NULL,

    CONSTRAINT "SeriesSummary_pkey" PRIMARY KEY ("indicatorId","producerId")
);

-- Everything below is written by hand: Prisma's schema cannot describe it.

-- How many points the chart draws per series when `series` series share it: the same arithmetic as
-- pointsPerSeries in lib/observations/chart-points.ts (a test holds the two together).
CREATE FUNCTION "chart_points_per_series"(series integer) RETURNS integer AS $$
  SELECT least(300, greatest(40, 400 / greatest(1, series)))
$$ LANGUAGE sql IMMUTABLE;

-- Recomputes the summaries of the given series (indicator and producer, pairwise) from their
-- published figures, and those of every other series of the same indicators whose point budget
-- changed because a series appeared or emptied. Set-based: one pass groups the figures, a second
-- keeps the few that are an extreme, so a bulk load of a million figures costs a few sorts of
-- them, not one query per series. The rules are the chart's (lib/observations/chart-data.ts) and
-- the overview's (lib/indicators/overview.ts): real stored figures only, nothing averaged.
--
-- The plans must not depend on row estimates. A bulk load writes Observation in the same
-- transaction, often with its indexes dropped and before any ANALYZE: the planner then guesses one
-- row for the figures, and nested loops between the steps below cost figures × series each (a
-- 20,000-figure load spent 46 s in them instead of 2 s). So nested loops are off for this function:
-- every step joins by hashing or sorting, which costs the same whatever the estimate. Reading the
-- figures stays indexed for a small change: the touched indicators and producers are also given as
-- array conditions, which an index scan takes without a nested loop. JIT is off: its compile time
-- (~0.3 s a statement, triggered by those same wrong estimates) would exceed the work.
CREATE FUNCTION "series_summary_refresh"(touched_indicators text[], touched_producers text[]) RETURNS void
SET enable_nestloop = off SET jit = off AS $$
DECLARE
  redo_indicators text[];
  redo_producers text[];
  count_indicators text[];
  count_series integer[];
BEGIN
  -- One writer per indicator at a time: the second waits, then reads what the first committed.
  PERFORM pg_advisory_xact_lock(hashtext('SeriesSummary'), hashtext(k.indicator))
  FROM (SELECT DISTINCT unnest(touched_indicators) AS indicator ORDER BY 1) AS k;

  -- Series each touched indicator has once this statement is applied: its untouched series, plus
  -- the touched ones that still have a published figure (one probe each, stopping at the first).
  WITH touched AS MATERIALIZED (
    SELECT DISTINCT t.indicator, t.producer FROM unnest(touched_indicators, touched_producers) AS t(indicator, producer)
  ), kept AS (
    SELECT s."indicatorId" AS indicator, count(*)::int AS n FROM "SeriesSummary" s
    WHERE s."indicatorId" = ANY(touched_indicators)
      AND NOT EXISTS (SELECT 1 FROM touched t WHERE t.indicator = s."indicatorId" AND t.producer = s."producerId")
    GROUP BY 1
  ), live AS (
    SELECT t.indicator, count(*) FILTER (WHERE EXISTS (
             SELECT 1 FROM "Observation" o WHERE o."indicatorId" = t.indicator AND o."producerId" = t.producer AND o.status = 'published'))::int AS n
    FROM touched t GROUP BY 1
  )
  SELECT array_agg(l.indicator), array_agg(l.n + COALESCE(k.n, 0))
  INTO count_indicators, count_series
  FROM live l LEFT JOIN kept k ON k.indicator = l.indicator;

  SELECT array_agg(r.indicator), array_agg(r.producer) INTO redo_indicators, redo_producers
  FROM (
    SELECT t.indicator, t.producer FROM unnest(touched_indicators, touched_producers) AS t(indicator, producer)
    UNION
    SELECT s."indicatorId", s."producerId" FROM "SeriesSummary" s
    JOIN unnest(count_indicators, count_series) AS c(indicator, series) ON c.indicator = s."indicatorId"
    WHERE s."indicatorId" = ANY(count_indicators) AND s."pointBound" <> "chart_points_per_series"(c.series)
  ) AS r;

  DELETE FROM "SeriesSummary" s USING unnest(redo_indicators, redo_producers) AS r(indicator, producer)
  WHERE s."indicatorId" = ANY(redo_indicators) AND s."indicatorId" = r.indicator AND s."producerId" = r.producer;

  INSERT INTO "SeriesSummary" ("indicatorId", "producerId", "figures", "earliestId", "latestId", "sampleIds", "pointIds", "pointBound")
  WITH redo AS (
    SELECT r.indicator, r.producer, "chart_points_per_series"(c.series) AS bound
    FROM unnest(redo_indicators, redo_producers) AS r(indicator, producer)
    JOIN unnest(count_indicators, count_series) AS c(indicator, series) ON c.indicator = r.indicator
  ), figs AS MATERIALIZED (
    SELECT o.id, o."indicatorId" AS indicator, o."producerId" AS producer, o.value, COALESCE(o."valueMax", o.value) AS top,
           o.qualifier <> 'exact' AS hedged, o."asOf", o."createdAt", o."datePrecision" AS precision,
           (CASE o."datePrecision" WHEN 'day' THEN o."asOf"
              WHEN 'month' THEN ((date_trunc('month', o."asOf"::timestamp) + interval '1 month')::date + (extract(day FROM o."asOf")::int - 2))
              ELSE ((date_trunc('month', o."asOf"::timestamp) + interval '1 year')::date + (extract(day FROM o."asOf")::int - 2)) END) AS pend
    FROM "Observation" o JOIN redo r ON o."indicatorId" = r.indicator AND o."producerId" = r.producer
    WHERE o.status = 'published' AND o."indicatorId" = ANY(redo_indicators) AND o."producerId" = ANY(redo_producers)
  ), series AS MATERIALIZED (
    SELECT f.indicator, f.producer, count(*)::int AS n, min(f."asOf") AS lo, max(f."asOf") AS hi,
           min(f.pend) AS "firstEnd", max(f.pend) AS "lastEnd", r.bound, (r.bound - 2) / 4 AS buckets
    FROM figs f JOIN redo r ON r.indicator = f.indicator AND r.producer = f.producer
    GROUP BY f.indicator, f.producer, r.bound
  ), bucketed AS MATERIALIZED (
    -- The figures of series too long to draw whole, each in its time bucket over its series' span.
    SELECT f.*, s.lo, s."lastEnd",
           CASE WHEN s.hi = s.lo THEN 0 ELSE greatest(0, least(s.buckets - 1, ((f."asOf" - s.lo) * s.buckets) / (s.hi - s.lo))) END AS bucket
    FROM figs f JOIN series s ON s.indicator = f.indicator AND s.producer = f.producer
    WHERE s.n > s.bound
  ), cells AS MATERIALIZED (
    SELECT indicator, producer, bucket, min(value) AS "minValue", max(top) AS "maxTop", max("asOf") AS "lastDay",
           max("asOf") FILTER (WHERE hedged) AS "hedgedDay"
    FROM bucketed GROUP BY 1, 2, 3
  ), candidates AS MATERIALIZED (
    SELECT b.id, b.indicator, b.producer, b.bucket, b."asOf", b."createdAt", b.pend,
           b.value = c."minValue" AS "isMin", b.top = c."maxTop" AS "isMax", b."asOf" = c."lastDay" AS "isLatest",
           b.hedged AND b."asOf" = c."hedgedDay" AS "isHedged", b."asOf" = b.lo AS "isFirst", b.pend = b."lastEnd" AS "isLast"
    FROM bucketed b JOIN cells c ON c.indicator = b.indicator AND c.producer = b.producer AND c.bucket = b.bucket
    WHERE b.value = c."minValue" OR b.top = c."maxTop" OR b."asOf" = c."lastDay" OR (b.hedged AND b."asOf" = c."hedgedDay")
       OR b."asOf" = b.lo OR b.pend = b."lastEnd"
  ), points AS (
    SELECT f.indicator, f.producer, f.id FROM figs f JOIN series s ON s.indicator = f.indicator AND s.producer = f.producer WHERE s.n <= s.bound
    UNION (SELECT DISTINCT ON (indicator, producer, bucket) indicator, producer, id FROM candidates WHERE "isMin"
           ORDER BY indicator, producer, bucket, "asOf" DESC, "createdAt" DESC, id)
    UNION (SELECT DISTINCT ON (indicator, producer, bucket) indicator, producer, id FROM candidates WHERE "isMax"
           ORDER BY indicator, producer, bucket, "asOf" DESC, "createdAt" DESC, id)
    UNION (SELECT DISTINCT ON (indicator, producer, bucket) indicator, producer, id FROM candidates WHERE "isLatest"
           ORDER BY indicator, producer, bucket, "createdAt" DESC, id)
    UNION (SELECT DISTINCT ON (indicator, producer, bucket) indicator, producer, id FROM candidates WHERE "isHedged"
           ORDER BY indicator, producer, bucket, "createdAt" DESC, id)
    UNION (SELECT DISTINCT ON (indicator, producer) indicator, producer, id FROM candidates WHERE "isFirst"
           ORDER BY indicator, producer, "createdAt", id)
    UNION (SELECT DISTINCT ON (indicator, producer) indicator, producer, id FROM candidates WHERE "isLast"
           ORDER BY indicator, producer, "asOf" DESC, "createdAt" DESC, id DESC)
  ), earliest AS (
    -- The figure whose period ends first; ties go to the earliest dated, then the first stored.
    SELECT DISTINCT ON (f.indicator, f.producer) f.indicator, f.producer, f.id
    FROM figs f JOIN series s ON s.indicator = f.indicator AND s.producer = f.producer AND f.pend = s."firstEnd"
    ORDER BY f.indicator, f.producer, f."asOf", f."createdAt", f.id
  ), latest AS (
    -- The figure whose period ends last; ties go to the latest dated, then the last stored (as latestFigure).
    SELECT DISTINCT ON (f.indicator, f.producer) f.indicator, f.producer, f.id
    FROM figs f JOIN series s ON s.indicator = f.indicator AND s.producer = f.producer AND f.pend = s."lastEnd"
    ORDER BY f.indicator, f.producer, f."asOf" DESC, f."createdAt" DESC, f.id DESC
  ), spans AS (
    -- Sparkline: a series of more than 10 figures gives, per date precision, the first figure on or
    -- after each of 10 evenly spaced days between its first and last (SPARKLINE_POINTS in overview.ts).
    SELECT f.indicator, f.producer, f.precision, min(f."asOf") AS first, max(f."asOf") - min(f."asOf") AS days
    FROM figs f JOIN series s ON s.indicator = f.indicator AND s.producer = f.producer WHERE s.n > 10
    GROUP BY 1, 2, 3
  ), reach AS (
    -- Slot k starts on first + (days * k) / 9; a figure of day first + x is on or after the starts of
    -- slots 0 .. (9x + 8) / days.
    SELECT f.indicator, f.producer, f.precision,
           CASE WHEN sp.days = 0 THEN 9 ELSE least(9, (9 * (f."asOf" - sp.first) + 8) / sp.days) END AS "lastSlot", min(f."asOf") AS day
    FROM figs f JOIN spans sp ON sp.indicator = f.indicator AND sp.producer = f.producer AND sp.precision = f.precision
    GROUP BY 1, 2, 3, 4
  ), slots AS (
    SELECT r.indicator, r.producer, r.precision, k.slot, min(r.day) AS day
    FROM reach r JOIN generate_series(0, 9) AS k(slot) ON r."lastSlot" >= k.slot
    GROUP BY 1, 2, 3, 4
  ), sample AS (
    SELECT f.indicator, f.producer, f.id FROM figs f JOIN series s ON s.indicator = f.indicator AND s.producer = f.producer WHERE s.n <= 10
    UNION (SELECT DISTINCT ON (f.indicator, f.producer, f.precision, k.slot) f.indicator, f.producer, f.id
           FROM figs f JOIN slots k ON k.indicator = f.indicator AND k.producer = f.producer AND k.precision = f.precision AND k.day = f."asOf"
           ORDER BY f.indicator, f.producer, f.precision, k.slot, f."createdAt", f.id)
  ), "sampleIds" AS MATERIALIZED (
    SELECT indicator, producer, array_agg(id ORDER BY id) AS ids FROM sample GROUP BY 1, 2
  ), "pointIds" AS MATERIALIZED (
    SELECT indicator, producer, array_agg(id ORDER BY id) AS ids FROM points GROUP BY 1, 2
  )
  SELECT s.indicator, s.producer, s.n, e.id, l.id, COALESCE(si.ids, '{}'), COALESCE(pi.ids, '{}'), s.bound
  FROM series s
  JOIN earliest e ON e.indicator = s.indicator AND e.producer = s.producer
  JOIN latest l ON l.indicator = s.indicator AND l.producer = s.producer
  LEFT JOIN "sampleIds" si ON si.indicator = s.indicator AND si.producer = s.producer
  LEFT JOIN "pointIds" pi ON pi.indicator = s.indicator AND pi.producer = s.producer;
END;
$$ LANGUAGE plpgsql;

-- SeriesSummary follows Observation: a statement-level trigger per event collects the series whose
-- published figures the statement wrote, changed or removed (drafts never count), and recomputes
-- those, once per statement and in its transaction.
CREATE FUNCTION "series_summary_apply"() RETURNS trigger SET jit = off AS $$
DECLARE
  indicators text[];
  producers text[];
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    DELETE FROM "SeriesSummary";
    RETURN NULL;
  ELSIF TG_OP = 'INSERT' THEN
    SELECT array_agg(k."indicatorId"), array_agg(k."producerId") INTO indicators, producers
    FROM (SELECT DISTINCT "indicatorId", "producerId" FROM new_rows WHERE status = 'published') AS k;
  ELSIF TG_OP = 'UPDATE' THEN
    -- Only rows that were or became published, and only when something the summaries read changed
    -- (a note or a version stamp leaves them as they are).
    WITH changed AS MATERIALIZED (
      SELECT n."indicatorId" AS "newIndicator", n."producerId" AS "newProducer", n.status AS "newStatus",
             o."indicatorId" AS "oldIndicator", o."producerId" AS "oldProducer", o.status AS "oldStatus"
      FROM new_rows n JOIN old_rows o ON o.id = n.id
      WHERE (n.status = 'published' OR o.status = 'published')
        AND (n.status, n."indicatorId", n."producerId", n.value, n."valueMax", n.qualifier, n."asOf", n."datePrecision", n."createdAt")
            IS DISTINCT FROM (o.status, o."indicatorId", o."producerId", o.value, o."valueMax", o.qualifier, o."asOf", o."datePrecision", o."createdAt")
    )
    SELECT array_agg(k.indicator), array_agg(k.producer) INTO indicators, producers
    FROM (
      SELECT "newIndicator" AS indicator, "newProducer" AS producer FROM changed WHERE "newStatus" = 'published'
      UNION
      SELECT "oldIndicator", "oldProducer" FROM changed WHERE "oldStatus" = 'published'
    ) AS k;
  ELSE
    SELECT array_agg(k."indicatorId"), array_agg(k."producerId") INTO indicators, producers
    FROM (SELECT DISTINCT "indicatorId", "producerId" FROM old_rows WHERE status = 'published') AS k;
  END IF;
  IF indicators IS NOT NULL THEN
    PERFORM "series_summary_refresh"(indicators, producers);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Observation_series_summary_insert" AFTER INSERT ON "Observation"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "series_summary_apply"();
CREATE TRIGGER "Observation_series_summary_update" AFTER UPDATE ON "Observation"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "series_summary_apply"();
CREATE TRIGGER "Observation_series_summary_delete" AFTER DELETE ON "Observation"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "series_summary_apply"();
CREATE TRIGGER "Observation_series_summary_truncate" AFTER TRUNCATE ON "Observation"
  FOR EACH STATEMENT EXECUTE FUNCTION "series_summary_apply"();

-- Figures stored before this migration.
SELECT "series_summary_refresh"(array_agg(k."indicatorId"), array_agg(k."producerId"))
FROM (SELECT DISTINCT "indicatorId", "producerId" FROM "Observation" WHERE status = 'published') AS k
HAVING count(*) > 0;
