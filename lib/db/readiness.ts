import "server-only";
import { getDb } from "./client";
import { listMigrationDirectories } from "./migration-directories";

/** Ready = the database answers and every migration in prisma/migrations is recorded as applied. */
export async function checkReadiness(): Promise<{ ready: boolean; database: boolean; pendingMigrations: string[] }> {
  try {
    const applied = await getDb().$queryRaw<{ migration_name: string }[]>`
      SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
    const done = new Set(applied.map((row) => row.migration_name));
    const pendingMigrations = (await listMigrationDirectories()).filter((name) => !done.has(name));
    return { ready: pendingMigrations.length === 0, database: true, pendingMigrations };
  } catch {
    return { ready: false, database: false, pendingMigrations: [] };
  }
}
