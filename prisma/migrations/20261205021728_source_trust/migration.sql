-- CreateEnum
CREATE TYPE "SourceClass" AS ENUM ('primary', 'press', 'secondary');

-- CreateEnum
CREATE TYPE "SourceClassOrigin" AS ENUM ('unmatched', 'domain_table', 'staff');

-- CreateEnum
CREATE TYPE "LinkState" AS ENUM ('ok', 'broken', 'unverifiable');

-- CreateEnum
CREATE TYPE "ProblemReportStatus" AS ENUM ('open', 'closed');

-- AlterTable
ALTER TABLE "Source" ADD COLUMN     "linkBrokenSince" TIMESTAMP(3),
ADD COLUMN     "linkCheckedAt" TIMESTAMP(3),
ADD COLUMN     "linkError" TEXT,
ADD COLUMN     "linkRedirects" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "linkState" "LinkState",
ADD COLUMN     "linkStatusCode" INTEGER,
ADD COLUMN     "sourceClass" "SourceClass" NOT NULL DEFAULT 'secondary',
ADD COLUMN     "sourceClassOrigin" "SourceClassOrigin" NOT NULL DEFAULT 'unmatched';

-- CreateTable
CREATE TABLE "SourceDomain" (
    "domain" TEXT NOT NULL,
    "sourceClass" "SourceClass" NOT NULL,
    "note" TEXT,
    "updatedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SourceDomain_pkey" PRIMARY KEY ("domain")
);

-- CreateTable
CREATE TABLE "ProblemReport" (
    "id" TEXT NOT NULL,
    "observationId" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "sourceUrl" TEXT,
    "email" TEXT,
    "addressKey" TEXT NOT NULL,
    "status" "ProblemReportStatus" NOT NULL DEFAULT 'open',
    "closedAt" TIMESTAMP(3),
    "closedById" TEXT,
    "closeNote" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProblemReport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ProblemReport_status_createdAt_id_idx" ON "ProblemReport"("status", "createdAt", "id");

-- CreateIndex
CREATE INDEX "ProblemReport_addressKey_createdAt_idx" ON "ProblemReport"("addressKey", "createdAt");

-- CreateIndex
CREATE INDEX "ProblemReport_observationId_idx" ON "ProblemReport"("observationId");

-- CreateIndex
CREATE INDEX "Source_sourceClass_idx" ON "Source"("sourceClass");

-- CreateIndex
CREATE INDEX "Source_linkState_linkBrokenSince_idx" ON "Source"("linkState", "linkBrokenSince");

-- AddForeignKey
ALTER TABLE "SourceDomain" ADD CONSTRAINT "SourceDomain_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProblemReport" ADD CONSTRAINT "ProblemReport_observationId_fkey" FOREIGN KEY ("observationId") REFERENCES "Observation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProblemReport" ADD CONSTRAINT "ProblemReport_closedById_fkey" FOREIGN KEY ("closedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
