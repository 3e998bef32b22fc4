import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUserWithSession } from "../../testing/editor-fixtures";
import { createTestDatabase, type TestDatabase } from "../../testing/test-database";
import type { Actor } from "../auth/actor";
import type { Database } from "../db/client";
import { listPublicChanges } from "../changes/public-changes";
import { publishObservation, updateObservation } from "../observations/mutations";
import { domainTable, proposeSourceClass } from "../sources/source-domains";
import { DATASET_PATH, SOURCE_AUDIT_PATH, SOURCE_DOMAINS_PATH, seedFromFiles } from "./load-seed";
import { parseSourceDomains } from "./source-domains-file";
import { isoDayOrNull } from "../dates";
import type { SeedOutcome } from "./seed-database";

// A live installation holds the first dataset; the files now hold the second, and the audit that
// explains every change between them. The upgrade must show readers each change, with its reason.

const V1 = path.resolve("testing/fixtures/dataset-v1");
const v1Files = {
  dataset: path.join(V1, "el-salvador-indicators.json"),
  curation: path.join(V1, "el-salvador-curation.json"),
  // Installations seeded with the first dataset had no domain table nor audit.
  domains: null,
  audit: null,
};
type AuditEntry = {
  kind: "observation" | "event";
  key: { indicator?: string; date: string; value?: number; publisher?: string; title?: string };
  action: "replace-source" | "clean-url" | "keep-weak" | "remove";
  old: { publisher: string | null; sourceUrl: string };
  new?: { publisher: string | null; sourceUrl: string };
  fieldChanges?: Record<string, unknown>;
  reason: string;
};
const audit = JSON.parse(readFileSync(SOURCE_AUDIT_PATH, "utf8")) as AuditEntry[];
const v2 = JSON.parse(readFileSync(DATASET_PATH, "utf8"));
const domains = domainTable(parseSourceDomains(readFileSync(SOURCE_DOMAINS_PATH, "utf8")));

const sourceMoved = (entry: AuditEntry) =>
  Boolean(entry.new && (entry.new.sourceUrl !== entry.old.sourceUrl || entry.new.publisher !== entry.old.publisher));
const changesObservation = (entry: AuditEntry) =>
  entry.kind === "observation" && entry.action !== "remove" && (sourceMoved(entry) || Boolean(entry.fieldChanges));

const observationRows = (db: Database) =>
  db.observation.findMany({ where: { seedKey: { not: null } }, include: { indicator: true, producer: true, source: true } });
type Row = Awaited<ReturnType<typeof observationRows>>[number];
const byOld = (rows: Row[], entry: AuditEntry) =>
  rows.filter(
    (row) =>
      row.indicator.slug === entry.key.indicator &&
      row.attribution === entry.old.publisher &&
      row.source.url === entry.old.sourceUrl &&
      Number(row.value.toString()) === entry.key.value,
  );
const byNew = (rows: Row[], entry: AuditEntry) =>
  rows.filter(
    (row) =>
      row.indicator.slug === entry.key.indicator &&
      row.attribution === (entry.new ?? entry.old).publisher &&
      row.source.url === (entry.new ?? entry.old).sourceUrl &&
      Number(row.value.toString()) === entry.key.value,
  );

/** The one row a query must find. */
function only<T>(rows: T[], what: string): T {
  expect(rows, what).toHaveLength(1);
  return rows[0]!;
}

async function tableSizes(db: Database) {
  return {
    observations: await db.observation.count(),
    events: await db.event.count(),
    sources: await db.source.count(),
    domains: await db.sourceDomain.count(),
    changes: await db.changeEntry.count(),
    unmatched: await db.source.count({ where: { sourceClassOrigin: "unmatched" } }),
  };
}

const publishedFigures = async (db: Database) =>
  new Map(
    (await observationRows(db))
      .filter((row) => row.status === "published")
      .map((row) => [
        row.seedKey!,
        {
          indicator: row.indicator.slug,
          value: row.value.toString(),
          valueMax: row.valueMax?.toString() ?? null,
          asOf: isoDayOrNull(row.asOf),
          precision: row.datePrecision,
          producer: `${row.producer.type}|${row.producer.name}`,
          attribution: row.attribution,
          source: row.source.url,
          notes: [row.noteEn, row.noteEs],
        },
      ]),
  );

describe("upgrading a database seeded with the first dataset", () => {
  let database: TestDatabase;
  let fresh: TestDatabase;
  let editor: Actor;
  let reviewer: Actor;
  let staffRowId: string;
  let staffEntry: AuditEntry;
  let dryRun: SeedOutcome;
  let upgrade: SeedOutcome;

  beforeAll(async () => {
    database = await createTestDatabase();
    process.env.DATABASE_URL = database.url;
    await seedFromFiles(database.db, v1Files);
    editor = { kind: "user", user: (await createUserWithSession(database.db, "editor")).user };
    reviewer = { kind: "user", user: (await createUserWithSession(database.db, "reviewer")).user };

    // A staff member corrected a figure the audit also replaces: their reviewed correction stands.
    staffEntry = audit.find((entry) => entry.kind === "observation" && entry.action === "replace-source")!;
    const row = only(byOld(await observationRows(database.db), staffEntry), "the figure staff corrected");
    staffRowId = row.id;
    await updateObservation(
      editor,
      row.id,
      row.version,
      {
        indicatorSlug: row.indicator.slug,
        value: row.value.toString(),
        valueMax: row.valueMax?.toString() ?? null,
        qualifier: row.qualifier,
        asOf: isoDayOrNull(row.asOf)!,
        datePrecision: row.datePrecision,
        producer: { name: row.producer.name, type: row.producer.type },
        source: { url: row.source.url, publisher: row.source.publisher ?? row.producer.name, publishedAt: null },
        attribution: row.attribution,
        noteEn: "Checked against the outlet's archive by staff.",
        noteEs: "Cotejado por el equipo con el archivo del medio.",
      },
      "Note added after checking the archive",
    );
    const draft = await database.db.observation.findFirstOrThrow({ where: { revisionOfId: row.id, status: "draft" } });
    await publishObservation(reviewer, draft.id, draft.version);

    const before = await tableSizes(database.db);
    dryRun = await seedFromFiles(database.db, undefined, { dryRun: true });
    expect(await tableSizes(database.db)).toEqual(before);
    upgrade = await seedFromFiles(database.db);
    fresh = await createTestDatabase();
  });
  afterAll(async () => {
    await database.drop();
    await fresh?.drop();
  });

  it("plans in the dry run exactly what it then applies, and the dry run writes nothing", () => {
    expect(dryRun.dryRun).toBe(true);
    expect(dryRun.plan.firstLoad).toBe(false);
    const summary = (outcome: SeedOutcome) => ({
      corrected: outcome.plan.observations.corrected.map((item) => item.rowId).sort(),
      retracted: outcome.plan.observations.retracted.map((item) => item.rowId).sort(),
      added: outcome.plan.observations.added.length,
      leftAlone: outcome.plan.observations.leftAlone.map((item) => item.rowId),
      events: outcome.plan.events.corrected.map((item) => item.eventId).sort(),
    });
    expect(summary(upgrade)).toEqual(summary(dryRun));
    const corrections = audit.filter(changesObservation).length - 1;
    expect(upgrade.plan.observations.corrected).toHaveLength(corrections);
    expect(upgrade.plan.observations.added).toHaveLength(0);
    expect(upgrade.plan.observations.retracted).toHaveLength(audit.filter((entry) => entry.action === "remove").length);
    expect(upgrade.plan.events.corrected).toHaveLength(
      audit.filter((entry) => entry.kind === "event" && (sourceMoved(entry) || entry.fieldChanges)).length,
    );
  });

  it("publishes every replaced and cleaned source, on the same figures, without duplicates", async () => {
    const rows = await observationRows(database.db);
    expect(rows).toHaveLength(JSON.parse(readFileSync(v1Files.dataset, "utf8")).observations.length);
    const replaced = audit.filter((entry) => (entry.action === "replace-source" || entry.action === "clean-url") && entry !== staffEntry);
    expect(replaced.length).toBe(audit.filter((entry) => entry.action === "replace-source" || entry.action === "clean-url").length - 1);
    for (const entry of replaced.filter((entry) => entry.kind === "observation")) {
      const now = only(byNew(rows, entry), `${entry.key.indicator} ${entry.key.date}`);
      expect(now.status).toBe("published");
      expect(byOld(rows, entry).filter((row) => row.status === "published")).toHaveLength(0);
    }
    for (const entry of replaced.filter((entry) => entry.kind === "event")) {
      const event = await database.db.event.findFirstOrThrow({ where: { titleEn: entry.key.title }, include: { source: true } });
      expect(event.source.url).toBe(entry.new!.sourceUrl);
    }
    // The old sources stay: the figures' history cites them.
    for (const entry of replaced) expect(await database.db.source.count({ where: { url: entry.old.sourceUrl } })).toBe(1);
  });

  it("shows each change on the public change log with the audit's reason, by the dataset", async () => {
    const changes = await listPublicChanges({ limit: 1000 });
    const rows = await observationRows(database.db);
    for (const entry of audit.filter(changesObservation).filter((entry) => entry !== staffEntry)) {
      const row = only(byNew(rows, entry), `${entry.key.indicator} ${entry.key.date}`);
      const corrections = await database.db.changeEntry.findMany({ where: { entityId: row.id, action: "observation.corrected" } });
      const correction = only(corrections, "its correction");
      expect(correction.isPublic).toBe(true);
      expect(correction.actorUserId).toBeNull();
      expect(correction.reason).toMatch(/^Source audit 2026-12: /);
      expect(correction.reason).toContain(entry.reason);
      const shown = changes.find((change) => change.id === correction.id);
      expect(shown?.reason).toBe(correction.reason);
      expect(shown?.reviewer).toBeNull();
      if (entry.action === "replace-source") {
        const newClass = proposeSourceClass(domains, entry.new!.sourceUrl).sourceClass;
        if (newClass === "primary") expect(correction.reason).toContain("by the producer's own report");
        if (newClass === "press") expect(correction.reason).toContain("by an established newsroom");
      }
      if (entry.action === "clean-url") expect(correction.reason).toContain("tracking parameters removed from the source address");
      if (entry.action === "keep-weak" && entry.fieldChanges?.note)
        expect(correction.reason).toContain("caveat added: no stronger source found");
      // The figure's history reads as a reviewed correction: proposed, then applied.
      const proposal = await database.db.observation.findFirstOrThrow({ where: { revisionOfId: row.id } });
      expect(proposal.status).toBe("superseded");
      expect(await database.db.changeEntry.count({ where: { entityId: proposal.id, action: "observation.correction_proposed" } })).toBe(1);
    }
    for (const entry of audit.filter((entry) => entry.kind === "event" && entry.new)) {
      const event = await database.db.event.findFirstOrThrow({ where: { titleEn: entry.key.title } });
      const shown = changes.find(
        (change) => "entityType" in change && change.entityType === "event" && change.reason?.includes(entry.reason),
      );
      expect(shown, entry.key.title).toBeDefined();
      const logged = await database.db.changeEntry.findFirstOrThrow({ where: { entityId: event.id, action: "event.updated" } });
      expect(logged.isPublic).toBe(true);
      expect(logged.reason).toMatch(/^Source audit 2026-12: /);
    }
  });

  it("retracts the removed figure with its reason and keeps it and its history", async () => {
    const rows = await observationRows(database.db);
    for (const entry of audit.filter((entry) => entry.action === "remove")) {
      const row = only(byOld(rows, entry), "the removed figure");
      expect(row.status).toBe("retracted");
      expect(row.retractionReason).toContain(entry.reason);
      const logged = await database.db.changeEntry.findFirstOrThrow({ where: { entityId: row.id, action: "observation.retracted" } });
      expect(logged.isPublic).toBe(true);
      expect(logged.reason).toBe(row.retractionReason);
      expect((logged.before as { value: string }).value).toBeDefined();
    }
  });

  it("leaves a figure staff corrected after seeding as they published it, and reports it", async () => {
    const row = await database.db.observation.findUniqueOrThrow({ where: { id: staffRowId }, include: { source: true } });
    expect(row.status).toBe("published");
    expect(row.noteEn).toBe("Checked against the outlet's archive by staff.");
    expect(row.source.url).toBe(staffEntry.old.sourceUrl);
    expect(upgrade.plan.observations.leftAlone.map((item) => item.rowId)).toEqual([staffRowId]);
    expect(upgrade.plan.observations.leftAlone[0]?.why).toMatch(/staff/);
    const datasetEntries = await database.db.changeEntry.count({ where: { entityId: staffRowId, actorUserId: null } });
    expect(datasetEntries).toBe(0);
  });

  it("changes nothing when run a second time", async () => {
    const before = await tableSizes(database.db);
    const figures = await publishedFigures(database.db);
    const again = await seedFromFiles(database.db);
    expect(again.plan.observations.corrected).toHaveLength(0);
    expect(again.plan.observations.added).toHaveLength(0);
    expect(again.plan.observations.retracted).toHaveLength(0);
    expect(again.plan.events.corrected).toHaveLength(0);
    expect(again.plan.events.added).toHaveLength(0);
    expect(again.plan.observations.leftAlone.map((item) => item.rowId)).toEqual([staffRowId]);
    expect(await tableSizes(database.db)).toEqual(before);
    expect(await publishedFigures(database.db)).toEqual(figures);
  });

  it("gives a fresh database the same published figures, with no change entries", async () => {
    const outcome = await seedFromFiles(fresh.db);
    expect(outcome.plan.firstLoad).toBe(true);
    expect(await fresh.db.changeEntry.count()).toBe(0);
    const freshFigures = await publishedFigures(fresh.db);
    const upgraded = await publishedFigures(database.db);
    expect(freshFigures.size).toBe(v2.observations.length);
    // Only the staff-corrected figure differs: it keeps its seeded key and its staff version.
    const missing = [...freshFigures.keys()].filter((key) => !upgraded.has(key));
    expect(missing).toHaveLength(1);
    for (const [key, figure] of freshFigures) if (upgraded.has(key)) expect(upgraded.get(key), key).toEqual(figure);
    const freshEvents = await fresh.db.event.findMany({ include: { source: true }, orderBy: { seedKey: "asc" } });
    const upgradedEvents = await database.db.event.findMany({ include: { source: true }, orderBy: { seedKey: "asc" } });
    const eventFields = (event: (typeof freshEvents)[number]) => [
      event.seedKey,
      event.source.url,
      event.titleEn,
      event.dateNoteEn,
      event.dateNoteEs,
    ];
    expect(upgradedEvents.map(eventFields)).toEqual(freshEvents.map(eventFields));
  });

  it("classes every source from the domain table: as many secondary-only figures as the audit kept", async () => {
    const secondaryOf = (urls: string[]) => urls.filter((url) => proposeSourceClass(domains, url).sourceClass === "secondary").length;
    const observations = await fresh.db.observation.count({ where: { status: "published", source: { sourceClass: "secondary" } } });
    const events = await fresh.db.event.count({ where: { source: { sourceClass: "secondary" } } });
    expect(observations).toBe(secondaryOf(v2.observations.map((record: { sourceUrl: string }) => record.sourceUrl)));
    expect(events).toBe(secondaryOf(v2.events.map((record: { sourceUrl: string }) => record.sourceUrl)));
    expect({ observations, events }).toEqual({ observations: 43, events: 1 });
    expect(await fresh.db.sourceDomain.count()).toBe(domains.size);
    // The upgraded database's sources were unmatched: the table classed them on the upgrade.
    expect(
      await database.db.source.count({
        where: {
          sourceClassOrigin: "unmatched",
          url: { in: [...new Set(v2.observations.map((r: { sourceUrl: string }) => r.sourceUrl))] as string[] },
        },
      }),
    ).toBe(await fresh.db.source.count({ where: { sourceClassOrigin: "unmatched", observations: { some: {} } } }));
  });
});
