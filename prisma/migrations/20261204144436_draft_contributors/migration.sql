-- AlterTable
ALTER TABLE "Observation" ADD COLUMN     "contributorIds" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- Backfill, so drafts already waiting on a running installation fall under the two-person rule too.

-- A draft sent with an API token had no author: the admin who made the token answers for it.
UPDATE "Observation" o
SET "authorId" = t."createdById"
FROM "ChangeEntry" c
JOIN "ApiToken" t ON t.id = c."actorTokenId"
WHERE o."authorId" IS NULL
  AND c."entityType" = 'observation'
  AND c."entityId" = o.id
  AND c.action IN ('observation.created', 'observation.correction_proposed');

-- Everyone the history shows writing into a row while it was a draft (a token counts as its
-- creator), and its author.
UPDATE "Observation" o
SET "contributorIds" = w.ids
FROM (
  SELECT writer.id, array_agg(writer.user_id ORDER BY writer.user_id) AS ids
  FROM (
    SELECT c."entityId" AS id, COALESCE(c."actorUserId", t."createdById") AS user_id
    FROM "ChangeEntry" c
    LEFT JOIN "ApiToken" t ON t.id = c."actorTokenId"
    WHERE c."entityType" = 'observation'
      AND c.action IN ('observation.created', 'observation.updated', 'observation.correction_proposed')
    UNION
    SELECT id, "authorId" FROM "Observation" WHERE "authorId" IS NOT NULL
  ) writer
  WHERE writer.user_id IS NOT NULL
  GROUP BY writer.id
) w
WHERE w.id = o.id;
