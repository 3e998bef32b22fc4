-- DropIndex
DROP INDEX "Observation_status_updatedAt_idx";

-- CreateIndex
CREATE INDEX "Observation_status_updatedAt_id_idx" ON "Observation"("status", "updatedAt", "id");
