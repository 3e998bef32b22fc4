-- CreateEnum
CREATE TYPE "ReferenceChangeStatus" AS ENUM ('pending', 'applied', 'withdrawn', 'rejected');

-- CreateTable
CREATE TABLE "ReferenceChange" (
    "id" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT,
    "isCreate" BOOLEAN NOT NULL DEFAULT false,
    "data" JSONB NOT NULL,
    "seenUpdatedAt" TIMESTAMP(3),
    "reason" TEXT NOT NULL,
    "status" "ReferenceChangeStatus" NOT NULL DEFAULT 'pending',
    "proposedById" TEXT NOT NULL,
    "reviewedById" TEXT,
    "reviewNote" TEXT,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReferenceChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReferenceChange_status_createdAt_id_idx" ON "ReferenceChange"("status", "createdAt", "id");

-- CreateIndex
CREATE INDEX "ReferenceChange_entityType_entityId_status_idx" ON "ReferenceChange"("entityType", "entityId", "status");

-- AddForeignKey
ALTER TABLE "ReferenceChange" ADD CONSTRAINT "ReferenceChange_proposedById_fkey" FOREIGN KEY ("proposedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReferenceChange" ADD CONSTRAINT "ReferenceChange_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
