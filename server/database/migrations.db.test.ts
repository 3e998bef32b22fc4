import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../testing/test-database";
import { listMigrationDirectories } from "../../lib/db/migration-directories";
import { applyMigrations } from "./migrations";

describe("applyMigrations", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase({ migrate: false });
  });
  afterAll(() => database.drop());

  it("builds the schema on an empty database and records it as prisma migrate would", async () => {
    const applied = await applyMigrations(database.url);
    expect(applied).toEqual(await listMigrationDirectories());

    const tables = await database.db.$queryRaw<{ table_name: string }[]>`
      SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`;
    expect(tables.map((row) => row.table_name)).toEqual(
      expect.arrayContaining(["Event", "Framing", "Indicator", "Observation", "Producer", "Source", "_prisma_migrations"]),
    );
    const recorded = await database.db.$queryRaw<{ migration_name: string; finished_at: Date | null }[]>`
      SELECT migration_name, finished_at FROM _prisma_migrations ORDER BY migration_name`;
    expect(recorded.map((row) => row.migration_name)).toEqual(applied);
    expect(recorded.every((row) => row.finished_at !== null)).toBe(true);
  });

  it("applies nothing the second time", async () => {
    expect(await applyMigrations(database.url)).toEqual([]);
  });

  it("indexes observations by indicator and date for the pages' queries", async () => {
    const indexes = await database.db.$queryRaw<{ indexdef: string }[]>`
      SELECT indexdef FROM pg_indexes WHERE tablename = 'Observation'`;
    expect(indexes.some((row) => /\("indicatorId", status, "asOf"\)/.test(row.indexdef))).toBe(true);
  });
});
