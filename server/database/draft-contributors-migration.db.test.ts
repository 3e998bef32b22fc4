import { readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../lib/auth/actor";
import { canPublishObservation } from "../../lib/auth/permissions";
import { createTestDatabase, type TestDatabase } from "../../testing/test-database";
import { MIGRATIONS_DIR } from "../../lib/db/migration-directories";

// Drafts already waiting on a running installation must fall under the two-person rule too: the
// migration that adds Observation.contributorIds fills it (and a token draft's author) from history.
let database: TestDatabase;
const MIGRATION = "20261204144436_draft_contributors";

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

const reviewerActor = (id: string, role: "reviewer" | "admin" = "reviewer"): Actor => ({
  kind: "user",
  user: { id, email: `${id}@example.org`, displayName: id, role },
});

describe(`migration ${MIGRATION}`, () => {
  it("records everyone the history shows writing into a draft, and makes a token's creator the author of its drafts", async () => {
    const { db } = database;
    const user = (label: string, role: "editor" | "reviewer" | "admin") =>
      db.user.create({ data: { email: `${label}@example.org`, displayName: label, role, passwordHash: "x" } });
    const [editor, reviewer, admin, other] = await Promise.all([
      user("editor", "editor"),
      user("reviewer", "reviewer"),
      user("admin", "admin"),
      user("other", "reviewer"),
    ]);
    const token = await db.apiToken.create({ data: { name: "script", tokenHash: "hash", tokenPrefix: "ctk_x", createdById: admin.id } });
    const indicator = await db.indicator.create({
      data: {
        slug: "backfill",
        nameEn: "B",
        nameEs: "B",
        descriptionEn: "B",
        descriptionEs: "B",
        unit: "people",
        theme: "state_of_exception",
        valueKind: "cumulative_count",
      },
    });
    const producer = await db.producer.create({ data: { name: "P", type: "ngo" } });
    const source = await db.source.create({ data: { url: "https://example.org/backfill", publisher: "P" } });
    const draft = (authorId: string | null, revisionOfId: string | null = null, status: "draft" | "published" = "draft") =>
      db.observation.create({
        data: {
          indicatorId: indicator.id,
          producerId: producer.id,
          sourceId: source.id,
          value: "1",
          asOf: new Date("2024-01-01T00:00:00Z"),
          datePrecision: "year",
          attribution: "P",
          authorId,
          revisionOfId,
          status,
        },
      });
    const wrote = (entityId: string, action: string, by: { actorUserId?: string; actorTokenId?: string }) =>
      db.changeEntry.create({ data: { action, entityType: "observation", entityId, ...by } });

    // As the rows stood before the migration: authors only, and token drafts without one.
    const edited = await draft(editor.id);
    await wrote(edited.id, "observation.created", { actorUserId: editor.id });
    await wrote(edited.id, "observation.updated", { actorUserId: reviewer.id });
    const fromToken = await draft(null);
    await wrote(fromToken.id, "observation.created", { actorTokenId: token.id });
    const published = await draft(editor.id, null, "published");
    await wrote(published.id, "observation.created", { actorUserId: editor.id });
    const correction = await draft(editor.id, published.id);
    await wrote(correction.id, "observation.correction_proposed", { actorUserId: editor.id });
    await wrote(correction.id, "observation.updated", { actorUserId: reviewer.id });
    const imported = await draft(reviewer.id);
    await wrote(imported.id, "observation.created", { actorUserId: reviewer.id });
    const unrecorded = await draft(null);

    // Replay the migration on those rows: take the column away, then run the migration's own file.
    const sql = await readFile(path.join(MIGRATIONS_DIR, MIGRATION, "migration.sql"), "utf8");
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      await client.query(`ALTER TABLE "Observation" DROP COLUMN "contributorIds"`);
      await client.query(sql);
    } finally {
      await client.end();
    }

    const row = (id: string) => db.observation.findUniqueOrThrow({ where: { id }, select: { authorId: true, contributorIds: true } });
    const sorted = (ids: string[]) => [...ids].sort();
    expect(await row(edited.id)).toEqual({ authorId: editor.id, contributorIds: sorted([editor.id, reviewer.id]) });
    expect(await row(fromToken.id)).toEqual({ authorId: admin.id, contributorIds: [admin.id] });
    expect(await row(correction.id)).toEqual({ authorId: editor.id, contributorIds: sorted([editor.id, reviewer.id]) });
    expect(await row(imported.id)).toEqual({ authorId: reviewer.id, contributorIds: [reviewer.id] });
    expect(await row(unrecorded.id)).toEqual({ authorId: null, contributorIds: [] });

    // And so, through the one permission function:
    expect(canPublishObservation(reviewerActor(reviewer.id), await row(edited.id))).toBe(false);
    expect(canPublishObservation(reviewerActor(other.id), await row(edited.id))).toBe(true);
    expect(canPublishObservation(reviewerActor(admin.id, "admin"), await row(fromToken.id))).toBe(false);
    expect(canPublishObservation(reviewerActor(reviewer.id), await row(fromToken.id))).toBe(true);
    expect(canPublishObservation(reviewerActor(reviewer.id), await row(correction.id))).toBe(false);
    expect(canPublishObservation(reviewerActor(reviewer.id), await row(imported.id))).toBe(false);
    expect(canPublishObservation(reviewerActor(other.id), await row(unrecorded.id))).toBe(false);
  });
});
