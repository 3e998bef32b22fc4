import "server-only";
import { Prisma } from "../generated/prisma/client";
import type { Database } from "../db/client";
import { recordChange, runTransaction } from "../db/transaction";
import type { SeedProducer, SeedRecords } from "./to-records";
import { isoDayOrNull, fromIsoDay } from "../dates";
import { NEXT_VERSION } from "../db/optimistic-lock";
import { classColumns, loadDomainTable } from "../sources/source-class";
import { proposeSourceClass, type DomainClass } from "../sources/source-domains";
import type { DomainFileEntry } from "./source-domains-file";
import type { AuditIndex, SourceAudit } from "./source-audit";
import { planUpgrade, type PlanContext, type UpgradePlan } from "./upgrade-plan";
import { applyPlan } from "./upgrade";

type Tx = Prisma.TransactionClient;
export type SeedCounts = { created: number; updated: number; unchanged: number };
export type SeedReport = Record<
  "domains" | "indicators" | "producers" | "sources" | "sourceClasses" | "observations" | "framings" | "events" | "eventIndicators",
  SeedCounts
>;

export type SeedOptions = {
  /** The research's domain table: rows missing from the database are added, stored rows are never changed. */
  domains?: DomainFileEntry[];
  /** The source audit that explains the file's changes since the last version, linked to its records. */
  audit?: { audit: SourceAudit; index: AuditIndex };
  /** Computes and answers the plan, and writes nothing. */
  dryRun?: boolean;
};

/** What a seed run found and did (or, in a dry run, would do). */
export type SeedOutcome = { report: SeedReport; plan: UpgradePlan; dryRun: boolean };

const NO_AUDIT = { audit: { label: "Source audit", entries: [] }, index: { observations: new Map(), events: new Map(), removed: [] } };

const producerKey = (producer: SeedProducer) => `${producer.type}|${producer.name}`;

// Compares a stored row with the file's record through the same projection, so a second seed run
// finds nothing to change and touches no row.
async function sync<Existing extends { id: string }, Incoming>(options: {
  incoming: Incoming[];
  existing: Existing[];
  keyOfIncoming: (record: Incoming) => string;
  keyOfExisting: (row: Existing) => string;
  projectIncoming: (record: Incoming) => unknown;
  projectExisting: (row: Existing) => unknown;
  create: (records: Incoming[]) => Promise<unknown>;
  update: (row: Existing, record: Incoming) => Promise<unknown>;
}): Promise<SeedCounts> {
  const byKey = new Map(options.existing.map((row) => [options.keyOfExisting(row), row]));
  const toCreate: Incoming[] = [];
  let updated = 0;
  let unchanged = 0;
  for (const record of options.incoming) {
    const row = byKey.get(options.keyOfIncoming(record));
    if (!row) {
      toCreate.push(record);
    } else if (JSON.stringify(options.projectExisting(row)) !== JSON.stringify(options.projectIncoming(record))) {
      await options.update(row, record);
      updated += 1;
    } else {
      unchanged += 1;
    }
  }
  if (toCreate.length) await options.create(toCreate);
  return { created: toCreate.length, updated, unchanged };
}

async function seedInTransaction(tx: Tx, records: SeedRecords, options: SeedOptions): Promise<SeedOutcome> {
  const firstLoad =
    (await tx.observation.count({ where: { seedKey: { not: null } } })) === 0 &&
    (await tx.event.count({ where: { seedKey: { not: null } } })) === 0;
  const domains = await addMissingDomains(tx, options.domains ?? []);
  const domainTable = await loadDomainTable(tx);

  const indicators = await sync({
    incoming: records.indicators,
    existing: await tx.indicator.findMany(),
    keyOfIncoming: (record) => record.slug,
    keyOfExisting: (row) => row.slug,
    projectIncoming: (record) => record,
    projectExisting: ({ slug, nameEs, nameEn, descriptionEs, descriptionEn, unit, unitEs, theme, valueKind, sortOrder }) => ({
      slug,
      nameEs,
      nameEn,
      descriptionEs,
      descriptionEn,
      unit,
      unitEs,
      theme,
      valueKind,
      sortOrder,
    }),
    create: (data) => tx.indicator.createMany({ data }),
    update: (row, data) => tx.indicator.update({ where: { id: row.id }, data: { ...data, ...NEXT_VERSION } }),
  });

  const producers = await sync({
    incoming: records.producers,
    existing: await tx.producer.findMany(),
    keyOfIncoming: producerKey,
    keyOfExisting: producerKey,
    projectIncoming: producerKey,
    projectExisting: producerKey,
    create: (data) => tx.producer.createMany({ data }),
    update: async () => {},
  });

  const sources = await sync({
    incoming: records.sources,
    existing: await tx.source.findMany(),
    keyOfIncoming: (record) => record.url,
    keyOfExisting: (row) => row.url,
    projectIncoming: (record) => [record.publisher, record.publishedAt, record.retrievedAt],
    projectExisting: (row) => [row.publisher, isoDayOrNull(row.publishedAt), isoDayOrNull(row.retrievedAt)],
    create: (data) =>
      tx.source.createMany({
        data: data.map((record) => ({
          url: record.url,
          ...classColumns(proposeSourceClass(domainTable, record.url)),
          publisher: record.publisher,
          publishedAt: record.publishedAt ? fromIsoDay(record.publishedAt) : null,
          retrievedAt: fromIsoDay(record.retrievedAt),
        })),
      }),
    update: (row, record) =>
      tx.source.update({
        where: { id: row.id },
        data: {
          publisher: record.publisher,
          publishedAt: record.publishedAt ? fromIsoDay(record.publishedAt) : null,
          retrievedAt: fromIsoDay(record.retrievedAt),
          ...NEXT_VERSION,
        },
      }),
  });

  const sourceClasses = await classifyUnmatchedSources(tx, domainTable);

  const indicatorIds = new Map((await tx.indicator.findMany({ select: { id: true, slug: true } })).map((r) => [r.slug, r.id]));
  const producerIds = new Map((await tx.producer.findMany()).map((row) => [producerKey(row), row.id]));
  const sourceIds = new Map((await tx.source.findMany({ select: { id: true, url: true } })).map((r) => [r.url, r.id]));
  const idOf = <T>(ids: Map<string, string>, key: string, what: T) => {
    const id = ids.get(key);
    if (!id) throw new Error(`seed: no ${String(what)} row for "${key}"`);
    return id;
  };
  const links = (record: { indicatorSlug: string; producer: SeedProducer; sourceUrl: string }) => ({
    indicatorId: idOf(indicatorIds, record.indicatorSlug, "indicator"),
    producerId: idOf(producerIds, producerKey(record.producer), "producer"),
    sourceId: idOf(sourceIds, record.sourceUrl, "source"),
  });

  const framingFields = (record: SeedRecords["framings"][number]) => ({
    ...links(record),
    summaryEs: record.summaryEs,
    summaryEn: record.summaryEn,
    sortOrder: record.sortOrder,
  });
  const framings = await sync({
    incoming: records.framings,
    existing: await tx.framing.findMany({ where: { seedKey: { not: null } } }),
    keyOfIncoming: (record) => record.seedKey,
    keyOfExisting: (row) => row.seedKey!,
    projectIncoming: framingFields,
    projectExisting: ({ indicatorId, producerId, sourceId, summaryEs, summaryEn, sortOrder }) => ({
      indicatorId,
      producerId,
      sourceId,
      summaryEs,
      summaryEn,
      sortOrder,
    }),
    create: (data) => tx.framing.createMany({ data: data.map((record) => ({ seedKey: record.seedKey, ...framingFields(record) })) }),
    update: (row, record) => tx.framing.update({ where: { id: row.id }, data: { ...framingFields(record), ...NEXT_VERSION } }),
  });

  const audit = options.audit ?? NO_AUDIT;
  const context: PlanContext = {
    records,
    audit: audit.audit,
    auditIndex: audit.index,
    domains: domainTable,
    compiled: records.compiled,
    ids: { indicator: indicatorIds, producer: producerIds, source: sourceIds },
  };
  const plan = await planUpgrade(tx, context, firstLoad);
  const planned = plan.observations;
  const report: SeedReport = {
    domains,
    indicators,
    producers,
    sources,
    sourceClasses,
    observations: {
      created: planned.added.length,
      updated: planned.corrected.length + planned.retracted.length,
      unchanged: planned.unchanged + planned.leftAlone.length,
    },
    framings,
    events: {
      created: plan.events.added.length,
      updated: plan.events.corrected.length,
      unchanged: plan.events.unchanged + plan.events.leftAlone.length,
    },
    eventIndicators: { created: 0, updated: 0, unchanged: 0 },
  };
  if (options.dryRun) throw new DryRunDone({ report, plan, dryRun: true });

  await applyPlan(tx, context, plan);
  report.eventIndicators = await relateEvents(tx, records.events, indicatorIds);
  // The dataset's own rows (sources, classes, names) change pages too; the figure and event changes
  // above are recorded with their entries.
  const counts = Object.values(report);
  if (counts.some((count) => count.created || count.updated)) recordChange(tx, { everything: true });
  return { report, plan, dryRun: false };
}

/**
 * Gives each dataset event the indicators the curation file names, once: an event that already has
 * its indicators (from an earlier run, or as an editor set them through a reviewed proposal) keeps
 * them. So a database seeded before events had indicators gets them on its next seed run, and a
 * second run adds nothing.
 */
async function relateEvents(tx: Tx, incoming: SeedRecords["events"], indicatorIds: Map<string, string>): Promise<SeedCounts> {
  const rows = await tx.event.findMany({
    where: { seedKey: { in: incoming.map((record) => record.seedKey) } },
    select: { id: true, seedKey: true, appliesToAll: true, _count: { select: { indicators: true } } },
  });
  const bySeedKey = new Map(rows.map((row) => [row.seedKey!, row]));
  const counts: SeedCounts = { created: 0, updated: 0, unchanged: 0 };
  for (const record of incoming) {
    const row = bySeedKey.get(record.seedKey);
    if (!row) throw new Error(`seed: no event row for "${record.seedKey}"`);
    if (row.appliesToAll || row._count.indicators > 0) {
      counts.unchanged += 1;
    } else if (record.indicators === "all") {
      await tx.event.update({ where: { id: row.id }, data: { appliesToAll: true, ...NEXT_VERSION } });
      counts.updated += 1;
    } else {
      await tx.eventIndicator.createMany({
        data: record.indicators.map((slug) => {
          const indicatorId = indicatorIds.get(slug);
          if (!indicatorId) throw new Error(`seed: no indicator row for "${slug}"`);
          return { eventId: row.id, indicatorId };
        }),
        skipDuplicates: true,
      });
      counts.created += 1;
    }
  }
  return counts;
}

class DryRunDone extends Error {
  constructor(readonly outcome: SeedOutcome) {
    super("dry run: rolled back");
  }
}

/** Adds the domains the table does not hold yet; a domain an admin classified keeps their class. */
async function addMissingDomains(tx: Tx, entries: DomainFileEntry[]): Promise<SeedCounts> {
  if (!entries.length) return { created: 0, updated: 0, unchanged: 0 };
  const { count } = await tx.sourceDomain.createMany({ data: entries, skipDuplicates: true });
  return { created: count, updated: 0, unchanged: entries.length - count };
}

/**
 * Classifies the sources no domain matched yet whose domain the table now names; a class the table
 * proposed earlier or staff set stays as it is.
 */
async function classifyUnmatchedSources(tx: Tx, table: ReadonlyMap<string, DomainClass>): Promise<SeedCounts> {
  const unmatched = await tx.source.findMany({ where: { sourceClassOrigin: "unmatched" }, select: { id: true, url: true } });
  const idsByClass = new Map<string, string[]>();
  for (const source of unmatched) {
    const proposal = proposeSourceClass(table, source.url);
    if (proposal.sourceClassOrigin === "unmatched") continue;
    idsByClass.set(proposal.sourceClass, [...(idsByClass.get(proposal.sourceClass) ?? []), source.id]);
  }
  let updated = 0;
  for (const [sourceClass, ids] of idsByClass) {
    const columns = classColumns({
      sourceClass: sourceClass as DomainClass["sourceClass"],
      sourceClassOrigin: "domain_table",
      domain: null,
    });
    updated += (await tx.source.updateMany({ where: { id: { in: ids }, sourceClassOrigin: "unmatched" }, data: columns })).count;
  }
  return { created: 0, updated, unchanged: unmatched.length - updated };
}

/**
 * Loads the records, all or nothing: on a database without the dataset, as they are; on one seeded
 * before, through the plan (lib/dataset/upgrade-plan.ts), as published changes with their reasons.
 * A dry run computes the same plan in the same transaction and rolls it back.
 */
export async function seedDatabase(db: Database, records: SeedRecords, options: SeedOptions = {}): Promise<SeedOutcome> {
  try {
    return await runTransaction(db, (tx) => seedInTransaction(tx, records, options), {
      isolationLevel: "Serializable",
      maxWait: 30_000,
      timeout: 300_000,
    });
  } catch (error) {
    if (error instanceof DryRunDone) return error.outcome;
    throw error;
  }
}
