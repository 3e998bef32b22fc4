-- AlterTable
ALTER TABLE "Indicator" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Producer" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Source" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Framing" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Event" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "ReferenceChange" ADD COLUMN     "seenVersion" INTEGER;

-- A pending proposal was written against the record's updatedAt. Every record starts at version 1
-- here: a proposal that saw the record as it stands is at version 1, one that saw an older state
-- gets 0, a version no record has, so applying it stays a 409 as before. Decided proposals are
-- never compared again and keep no base version.
UPDATE "ReferenceChange" AS change SET "seenVersion" = CASE WHEN change."seenUpdatedAt" = record."updatedAt" THEN 1 ELSE 0 END
FROM "Source" AS record WHERE change."entityType" = 'source' AND record.id = change."entityId" AND change.status = 'pending' AND NOT change."isCreate";
UPDATE "ReferenceChange" AS change SET "seenVersion" = CASE WHEN change."seenUpdatedAt" = record."updatedAt" THEN 1 ELSE 0 END
FROM "Producer" AS record WHERE change."entityType" = 'producer' AND record.id = change."entityId" AND change.status = 'pending' AND NOT change."isCreate";
UPDATE "ReferenceChange" AS change SET "seenVersion" = CASE WHEN change."seenUpdatedAt" = record."updatedAt" THEN 1 ELSE 0 END
FROM "Indicator" AS record WHERE change."entityType" = 'indicator' AND record.id = change."entityId" AND change.status = 'pending' AND NOT change."isCreate";
UPDATE "ReferenceChange" AS change SET "seenVersion" = CASE WHEN change."seenUpdatedAt" = record."updatedAt" THEN 1 ELSE 0 END
FROM "Framing" AS record WHERE change."entityType" = 'framing' AND record.id = change."entityId" AND change.status = 'pending' AND NOT change."isCreate";
UPDATE "ReferenceChange" AS change SET "seenVersion" = CASE WHEN change."seenUpdatedAt" = record."updatedAt" THEN 1 ELSE 0 END
FROM "Event" AS record WHERE change."entityType" = 'event' AND record.id = change."entityId" AND change.status = 'pending' AND NOT change."isCreate";

ALTER TABLE "ReferenceChange" DROP COLUMN "seenUpdatedAt";
