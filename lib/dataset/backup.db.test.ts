import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BackupError, exportBackup, importBackup } from "./backup";
import { seedFromFiles } from "./load-seed";
import { createCallers, observationInput, request } from "../../testing/editor-fixtures";
import { createTestDatabase, type TestDatabase } from "../../testing/test-database";

let source: TestDatabase;
let target: TestDatabase;

beforeAll(async () => {
  source = await createTestDatabase();
  target = await createTestDatabase();
  process.env.DATABASE_URL = source.url;
  await seedFromFiles(source.db);
  // Drafts, a correction and history entries, as a working installation has them.
  const callers = await createCallers(source.db);
  const create = await import("@/app/api/editor/observations/route");
  const publish = await import("@/app/api/editor/observations/[id]/publish/route");
  const draft = (
    await (
      await create.POST(request("POST", "/api/editor/observations", callers.editor, observationInput({ indicatorSlug: "homicide_rate" })))
    ).json()
  ).data;
  await publish.POST(request("POST", `/api/editor/observations/${draft.id}/publish`, callers.reviewer, { version: 1 }), {
    params: Promise.resolve({ id: draft.id }),
  });
  await create.POST(
    request("POST", "/api/editor/observations", callers.token, observationInput({ indicatorSlug: "homicide_rate", value: "7.7" })),
  );
});
afterAll(async () => {
  await source.drop();
  await target.drop();
});

describe("backup and restore", () => {
  it("export → import → export gives the same file, without password or token hashes", async () => {
    const first = await exportBackup(source.db);
    const text = JSON.stringify(first);
    expect(text).not.toMatch(/argon2/);
    expect(text).not.toContain("passwordHash");
    expect(text).not.toContain("tokenHash");
    expect(first.tables.changeEntry!.length).toBeGreaterThan(2);
    expect(first.tables.observation!.some((row) => row.status === "draft")).toBe(true);

    await importBackup(target.db, JSON.parse(text));
    const second = await exportBackup(target.db);
    expect(JSON.stringify(second)).toBe(text);
  });

  it("keeps which indicators each event concerns", async () => {
    const backup = await exportBackup(source.db);
    expect(backup.tables.eventIndicator!.length).toBe(await source.db.eventIndicator.count());
    expect(backup.tables.eventIndicator!.length).toBeGreaterThan(0);
    expect(await target.db.eventIndicator.count()).toBe(await source.db.eventIndicator.count());
    expect(await target.db.event.count({ where: { appliesToAll: true } })).toBe(1);
  });

  it("restores a backup written before events had notes in two languages and indicators", async () => {
    const older = await createTestDatabase();
    try {
      const backup = await exportBackup(source.db);
      delete (backup.tables as Record<string, unknown>).eventIndicator;
      backup.tables.event = backup.tables.event!.map(({ dateNoteEn, ...row }) => {
        delete row.dateNoteEs;
        delete row.appliesToAll;
        return { ...row, dateNote: dateNoteEn };
      });
      await importBackup(older.db, backup);
      const noted = await older.db.event.findFirstOrThrow({ where: { titleEn: "2nd extension reported" } });
      expect(noted.dateNoteEn).toBe("Date of report; approval on or just before.");
      expect(noted.dateNoteEs).toBeNull();
    } finally {
      await older.drop();
    }
  });

  it("refuses to restore into a database that has data, changing nothing", async () => {
    const backup = await exportBackup(source.db);
    const before = await target.db.observation.count();
    await expect(importBackup(target.db, backup)).rejects.toThrow(BackupError);
    expect(await target.db.observation.count()).toBe(before);
  });

  it("refuses a file that is not a backup", async () => {
    await expect(importBackup(target.db, { hello: "world" })).rejects.toThrow(/Not a contraste-backup/);
  });
});
