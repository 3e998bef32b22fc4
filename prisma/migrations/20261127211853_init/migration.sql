-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "ProducerType" AS ENUM ('government', 'ngo', 'media', 'intergovernmental', 'academic');

-- CreateEnum
CREATE TYPE "IndicatorTheme" AS ENUM ('homicides_violence', 'state_of_exception', 'prisons_custody', 'deportations_cecot', 'press_freedom_civic_space', 'public_opinion');

-- CreateEnum
CREATE TYPE "ValueKind" AS ENUM ('cumulative_count', 'yearly_count', 'point_in_time_count', 'yearly_rate', 'share', 'rank', 'score', 'amount');

-- CreateEnum
CREATE TYPE "Qualifier" AS ENUM ('exact', 'at_least', 'more_than', 'nearly', 'about', 'up_to');

-- CreateEnum
CREATE TYPE "DatePrecision" AS ENUM ('day', 'month', 'year');

-- CreateEnum
CREATE TYPE "ObservationStatus" AS ENUM ('draft', 'published', 'retracted');

-- CreateEnum
CREATE TYPE "EventKind" AS ENUM ('decree', 'renewal', 'report', 'policy', 'other');

-- CreateTable
CREATE TABLE "Indicator" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "nameEs" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "descriptionEs" TEXT NOT NULL,
    "descriptionEn" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "theme" "IndicatorTheme" NOT NULL,
    "valueKind" "ValueKind" NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Indicator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Producer" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "type" "ProducerType" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Producer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Source" (
    "id" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "publisher" TEXT,
    "publishedAt" DATE,
    "retrievedAt" DATE,
    "archivedUrl" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Source_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Observation" (
    "id" TEXT NOT NULL,
    "seedKey" TEXT,
    "indicatorId" TEXT NOT NULL,
    "producerId" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "value" DECIMAL(30,10) NOT NULL,
    "valueMax" DECIMAL(30,10),
    "qualifier" "Qualifier" NOT NULL DEFAULT 'exact',
    "asOf" DATE NOT NULL,
    "datePrecision" "DatePrecision" NOT NULL,
    "attribution" TEXT NOT NULL,
    "noteEn" TEXT,
    "noteEs" TEXT,
    "status" "ObservationStatus" NOT NULL DEFAULT 'draft',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Observation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Framing" (
    "id" TEXT NOT NULL,
    "seedKey" TEXT,
    "indicatorId" TEXT NOT NULL,
    "producerId" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "summaryEs" TEXT NOT NULL,
    "summaryEn" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Framing_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Event" (
    "id" TEXT NOT NULL,
    "seedKey" TEXT,
    "kind" "EventKind" NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE,
    "datePrecision" "DatePrecision" NOT NULL,
    "dateNote" TEXT,
    "titleEs" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Event_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Indicator_slug_key" ON "Indicator"("slug");

-- CreateIndex
CREATE INDEX "Indicator_theme_sortOrder_idx" ON "Indicator"("theme", "sortOrder");

-- CreateIndex
CREATE UNIQUE INDEX "Producer_name_type_key" ON "Producer"("name", "type");

-- CreateIndex
CREATE UNIQUE INDEX "Source_url_key" ON "Source"("url");

-- CreateIndex
CREATE UNIQUE INDEX "Observation_seedKey_key" ON "Observation"("seedKey");

-- CreateIndex
CREATE INDEX "Observation_indicatorId_status_asOf_idx" ON "Observation"("indicatorId", "status", "asOf");

-- CreateIndex
CREATE INDEX "Observation_producerId_idx" ON "Observation"("producerId");

-- CreateIndex
CREATE INDEX "Observation_sourceId_idx" ON "Observation"("sourceId");

-- CreateIndex
CREATE UNIQUE INDEX "Framing_seedKey_key" ON "Framing"("seedKey");

-- CreateIndex
CREATE INDEX "Framing_indicatorId_sortOrder_idx" ON "Framing"("indicatorId", "sortOrder");

-- CreateIndex
CREATE UNIQUE INDEX "Event_seedKey_key" ON "Event"("seedKey");

-- CreateIndex
CREATE INDEX "Event_startsOn_idx" ON "Event"("startsOn");

-- AddForeignKey
ALTER TABLE "Observation" ADD CONSTRAINT "Observation_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Observation" ADD CONSTRAINT "Observation_producerId_fkey" FOREIGN KEY ("producerId") REFERENCES "Producer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Observation" ADD CONSTRAINT "Observation_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Framing" ADD CONSTRAINT "Framing_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Framing" ADD CONSTRAINT "Framing_producerId_fkey" FOREIGN KEY ("producerId") REFERENCES "Producer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Framing" ADD CONSTRAINT "Framing_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Event" ADD CONSTRAINT "Event_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
