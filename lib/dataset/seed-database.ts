import "server-only";
import { Prisma } from "../generated/prisma/client";
import type { Database } from "../db/client";
import type { SeedProducer, SeedRecords } from "./to-records";
import { isoDayOrNull, fromIsoDay } from "../dates";
import { NEXT_VERSION } from "../db/optimistic-lock";

type Tx = Prisma.TransactionClient;
export type SeedCounts = { created: number; updated: number; unchanged: number };
export type SeedReport = Record<
  "indicators" | "producers" | "sources" | "observations" | "framings" | "events" | "eventIndicators",
  SeedCounts
>;

const decimal = (value: string | null) => (value === null ? null : new Prisma.Decimal(value).toString());
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

async function seedInTransaction(tx: Tx, records: SeedRecords): Promise<SeedReport> {
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

  const observationFields = (record: SeedRecords["observations"][number]) => ({
    ...links(record),
    value: record.value,
    valueMax: record.valueMax,
    qualifier: record.qualifier,
    asOf: fromIsoDay(record.asOf),
    datePrecision: record.datePrecision,
    attribution: record.attribution,
    noteEn: record.noteEn,
    noteEs: record.noteEs,
  });
  const observations = await sync({
    incoming: records.observations,
    existing: await tx.observation.findMany({ where: { seedKey: { not: null } } }),
    keyOfIncoming: (record) => record.seedKey,
    keyOfExisting: (row) => row.seedKey!,
    projectIncoming: (record) => ({
      ...observationFields(record),
      value: decimal(record.value),
      valueMax: decimal(record.valueMax),
      asOf: record.asOf,
    }),
    projectExisting: (row) => ({
      indicatorId: row.indicatorId,
      producerId: row.producerId,
      sourceId: row.sourceId,
      value: decimal(row.value.toString()),
      valueMax: row.valueMax === null ? null : decimal(row.valueMax.toString()),
      qualifier: row.qualifier,
      asOf: isoDayOrNull(row.asOf),
      datePrecision: row.datePrecision,
      attribution: row.attribution,
      noteEn: row.noteEn,
      noteEs: row.noteEs,
    }),
    create: (data) =>
      tx.observation.createMany({
        data: data.map((record) => ({ seedKey: record.seedKey, status: "published" as const, ...observationFields(record) })),
      }),
    update: (row, record) =>
      tx.observation.update({ where: { id: row.id }, data: { ...observationFields(record), version: { increment: 1 } } }),
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

  const eventFields = (record: SeedRecords["events"][number]) => ({
    sourceId: idOf(sourceIds, record.sourceUrl, "source"),
    kind: record.kind,
    startsOn: record.startsOn,
    datePrecision: record.datePrecision,
    dateNoteEs: record.dateNoteEs,
    dateNoteEn: record.dateNoteEn,
    titleEs: record.titleEs,
    titleEn: record.titleEn,
  });
  const events = await sync({
    incoming: records.events,
    existing: await tx.event.findMany({ where: { seedKey: { not: null } } }),
    keyOfIncoming: (record) => record.seedKey,
    keyOfExisting: (row) => row.seedKey!,
    projectIncoming: eventFields,
    projectExisting: (row) => ({
      sourceId: row.sourceId,
      kind: row.kind,
      startsOn: isoDayOrNull(row.startsOn),
      datePrecision: row.datePrecision,
      dateNoteEs: row.dateNoteEs,
      dateNoteEn: row.dateNoteEn,
      titleEs: row.titleEs,
      titleEn: row.titleEn,
    }),
    create: (data) =>
      tx.event.createMany({
        data: data.map((record) => ({
          seedKey: record.seedKey,
          ...eventFields(record),
          startsOn: fromIsoDay(record.startsOn),
          appliesToAll: record.indicators === "all",
        })),
      }),
    update: (row, record) =>
      tx.event.update({ where: { id: row.id }, data: { ...eventFields(record), startsOn: fromIsoDay(record.startsOn), ...NEXT_VERSION } }),
  });

  const eventIndicators = await relateEvents(tx, records.events, indicatorIds);

  return { indicators, producers, sources, observations, framings, events, eventIndicators };
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

/** Loads the records as published data, all or nothing. */
export function seedDatabase(db: Database, records: SeedRecords): Promise<SeedReport> {
  return db.$transaction((tx) => seedInTransaction(tx, records), { maxWait: 30_000, timeout: 300_000 });
}
