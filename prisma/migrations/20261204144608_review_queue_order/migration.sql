-- CreateIndex
CREATE INDEX "Observation_status_createdAt_id_idx" ON "Observation"("status", "createdAt", "id");
