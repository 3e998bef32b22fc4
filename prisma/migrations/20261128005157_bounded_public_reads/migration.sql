-- CreateTable
CREATE TABLE "ObservationTally" (
    "indicatorId" TEXT NOT NULL,
    "producerId" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "published" INTEGER NOT NULL DEFAULT 0,
    "retracted" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ObservationTally_pkey" PRIMARY KEY ("indicatorId","producerId","sourceId")
);

-- CreateIndex
CREATE INDEX "Observation_indicatorId_asOf_id_idx" ON "Observation"("indicatorId", "asOf", "id");

-- CreateIndex
CREATE INDEX "Observation_indicatorId_producerId_status_datePrecision_asO_idx" ON "Observation"("indicatorId", "producerId", "status", "datePrecision", "asOf", "createdAt", "id");

-- Everything below is written by hand: Prisma's schema cannot describe it.

-- The chart and the table read these columns for every figure of an indicator; with them in the
-- index, PostgreSQL answers from the index alone (an index-only scan) instead of visiting one table
-- page per figure.
DROP INDEX "Observation_indicatorId_status_asOf_idx";
CREATE INDEX "Observation_indicatorId_status_asOf_idx" ON "Observation"("indicatorId", "status", "asOf")
  INCLUDE ("producerId", "sourceId", "value", "valueMax", "qualifier", "datePrecision", "createdAt", "id");

-- ObservationTally follows Observation: a statement-level trigger per event adds the published and
-- retracted figures a statement wrote and subtracts the ones it replaced or deleted, so a bulk load
-- costs one grouped insert, not one per row.
CREATE FUNCTION "observation_tally_apply"() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "ObservationTally" AS t ("indicatorId", "producerId", "sourceId", "published", "retracted")
    SELECT "indicatorId", "producerId", "sourceId",
           count(*) FILTER (WHERE status = 'published'), count(*) FILTER (WHERE status = 'retracted')
    FROM new_rows WHERE status IN ('published', 'retracted')
    GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT ("indicatorId", "producerId", "sourceId")
    DO UPDATE SET "published" = t."published" + EXCLUDED."published", "retracted" = t."retracted" + EXCLUDED."retracted";
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO "ObservationTally" AS t ("indicatorId", "producerId", "sourceId", "published", "retracted")
    SELECT "indicatorId", "producerId", "sourceId",
           sum(CASE WHEN status = 'published' THEN change ELSE 0 END), sum(CASE WHEN status = 'retracted' THEN change ELSE 0 END)
    FROM (
      SELECT "indicatorId", "producerId", "sourceId", status, 1 AS change FROM new_rows WHERE status IN ('published', 'retracted')
      UNION ALL
      SELECT "indicatorId", "producerId", "sourceId", status, -1 FROM old_rows WHERE status IN ('published', 'retracted')
    ) AS changes
    GROUP BY 1, 2, 3
    HAVING sum(CASE WHEN status = 'published' THEN change ELSE 0 END) <> 0 OR sum(CASE WHEN status = 'retracted' THEN change ELSE 0 END) <> 0
    ORDER BY 1, 2, 3
    ON CONFLICT ("indicatorId", "producerId", "sourceId")
    DO UPDATE SET "published" = t."published" + EXCLUDED."published", "retracted" = t."retracted" + EXCLUDED."retracted";
    DELETE FROM "ObservationTally" t USING (SELECT DISTINCT "indicatorId", "producerId", "sourceId" FROM old_rows) AS k
    WHERE (t."indicatorId", t."producerId", t."sourceId") = (k."indicatorId", k."producerId", k."sourceId") AND t."published" = 0 AND t."retracted" = 0;
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE "ObservationTally" AS t SET "published" = t."published" - d."published", "retracted" = t."retracted" - d."retracted"
    FROM (
      SELECT "indicatorId", "producerId", "sourceId",
             count(*) FILTER (WHERE status = 'published') AS "published", count(*) FILTER (WHERE status = 'retracted') AS "retracted"
      FROM old_rows WHERE status IN ('published', 'retracted') GROUP BY 1, 2, 3
    ) AS d
    WHERE (t."indicatorId", t."producerId", t."sourceId") = (d."indicatorId", d."producerId", d."sourceId");
    DELETE FROM "ObservationTally" t USING (SELECT DISTINCT "indicatorId", "producerId", "sourceId" FROM old_rows) AS k
    WHERE (t."indicatorId", t."producerId", t."sourceId") = (k."indicatorId", k."producerId", k."sourceId") AND t."published" = 0 AND t."retracted" = 0;
  ELSE
    DELETE FROM "ObservationTally";
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Observation_tally_insert" AFTER INSERT ON "Observation"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "observation_tally_apply"();
CREATE TRIGGER "Observation_tally_update" AFTER UPDATE ON "Observation"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "observation_tally_apply"();
CREATE TRIGGER "Observation_tally_delete" AFTER DELETE ON "Observation"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "observation_tally_apply"();
CREATE TRIGGER "Observation_tally_truncate" AFTER TRUNCATE ON "Observation"
  FOR EACH STATEMENT EXECUTE FUNCTION "observation_tally_apply"();

-- Figures stored before this migration.
INSERT INTO "ObservationTally" ("indicatorId", "producerId", "sourceId", "published", "retracted")
SELECT "indicatorId", "producerId", "sourceId", count(*) FILTER (WHERE status = 'published'), count(*) FILTER (WHERE status = 'retracted')
FROM "Observation" WHERE status IN ('published', 'retracted')
GROUP BY 1, 2, 3;
