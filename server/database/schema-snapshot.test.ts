import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { listMigrationDirectories, MIGRATIONS_DIR } from "../../lib/db/migration-directories";
import { SCHEMA_PATH } from "./schema-engine";

describe("prisma/migrations", () => {
  it("ends with a migration made from the current schema (run npm run db:migration:new after editing it)", async () => {
    const latest = (await listMigrationDirectories()).at(-1);
    expect(latest).toBeDefined();
    const snapshot = readFileSync(path.join(MIGRATIONS_DIR, latest!, "schema.prisma"), "utf8");
    expect(snapshot).toBe(readFileSync(SCHEMA_PATH, "utf8"));
  });
});
