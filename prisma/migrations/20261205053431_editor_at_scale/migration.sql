-- DropIndex
DROP INDEX "Observation_producerId_idx";

-- DropIndex
DROP INDEX "Observation_sourceId_idx";

-- CreateIndex
CREATE INDEX "Observation_indicatorId_updatedAt_id_idx" ON "Observation"("indicatorId", "updatedAt", "id");

-- CreateIndex
CREATE INDEX "Observation_producerId_updatedAt_id_idx" ON "Observation"("producerId", "updatedAt", "id");

-- CreateIndex
CREATE INDEX "Observation_sourceId_updatedAt_id_idx" ON "Observation"("sourceId", "updatedAt", "id");

-- CreateIndex
CREATE INDEX "Observation_authorId_updatedAt_id_idx" ON "Observation"("authorId", "updatedAt", "id");

-- CreateIndex
CREATE INDEX "Observation_importBatchId_updatedAt_id_idx" ON "Observation"("importBatchId", "updatedAt", "id");

-- Written by hand: partial and expression indexes, which the Prisma schema cannot describe.

-- The figure list without filters: every figure but the superseded proposals, latest change first.
CREATE INDEX "Observation_listed_updatedAt_id_idx" ON "Observation"("updatedAt", "id") WHERE "status" <> 'superseded';

-- Drafts waiting for review (not sent back): the queue in its order (oldest first), filtered by
-- producer, author, import batch or kind, and the filters' choices (each distinct producer, author
-- and batch found by walking the index, with a count that stops at a cap). The batch index carries
-- updatedAt, so a batch's publish stamp (count and latest change) is read from the index alone.
CREATE INDEX "Observation_waiting_createdAt_id_idx" ON "Observation"("createdAt", "id") WHERE "status" = 'draft' AND "sentBackAt" IS NULL;
CREATE INDEX "Observation_waiting_producerId_idx" ON "Observation"("producerId", "createdAt", "id") WHERE "status" = 'draft' AND "sentBackAt" IS NULL;
CREATE INDEX "Observation_waiting_authorId_idx" ON "Observation"("authorId", "createdAt", "id") WHERE "status" = 'draft' AND "sentBackAt" IS NULL;
CREATE INDEX "Observation_waiting_importBatchId_idx" ON "Observation"("importBatchId", "createdAt", "id") INCLUDE ("updatedAt") WHERE "status" = 'draft' AND "sentBackAt" IS NULL;
CREATE INDEX "Observation_waiting_corrections_idx" ON "Observation"("createdAt", "id") WHERE "status" = 'draft' AND "sentBackAt" IS NULL AND "revisionOfId" IS NOT NULL;

-- The dashboard: drafts sent back to their writers, latest first, and figures a reviewer published.
CREATE INDEX "Observation_sentBack_idx" ON "Observation"("sentBackAt", "id") WHERE "status" = 'draft' AND "sentBackAt" IS NOT NULL;
CREATE INDEX "Observation_reviewed_updatedAt_idx" ON "Observation"("updatedAt", "id") WHERE "status" = 'published' AND "reviewerId" IS NOT NULL;

-- The figure list's search (ILIKE '%…%') through trigrams: the attribution and both notes as one
-- text (a line feed between them, which the search words never contain, so a match never spans two
-- of them), and the value as written (lib/observations/figure-list.ts uses the same expressions).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "Observation_search_text_trgm_idx" ON "Observation"
  USING gin (("attribution" || E'\n' || coalesce("noteEs", '') || E'\n' || coalesce("noteEn", '')) gin_trgm_ops);
CREATE INDEX "Observation_search_value_trgm_idx" ON "Observation" USING gin ((trim_scale("value")::text) gin_trgm_ops);
