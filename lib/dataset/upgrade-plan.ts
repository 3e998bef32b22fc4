import "server-only";
import { Prisma } from "../generated/prisma/client";
import { isoDayOrNull } from "../dates";
import type { DomainClass } from "../sources/source-domains";
import { proposeSourceClass } from "../sources/source-domains";
import { auditReason, isRemovedBy, type AuditIndex, type SourceAudit } from "./source-audit";
import type { SeedEvent, SeedObservation, SeedRecords } from "./to-records";

// The plan of a seed run on a database that already holds the dataset: each record of the file
// matched to the row it was seeded as (by its seed key, or by the key its old source gave it, which
// the source audit names), and what the run will do with it. Nothing here writes.

type Tx = Prisma.TransactionClient;

/** A figure as the plan lists it. */
export type FigureLine = { indicator: string; period: string; value: string; producer: string; source: string };
export type EventLine = { date: string; title: string; source: string };

export type ObservationCorrection = {
  rowId: string;
  seedKey: string;
  figure: FigureLine;
  formerSource: string;
  reason: string;
  record: SeedObservation;
};
export type ObservationAddition = { figure: FigureLine; reason: string; record: SeedObservation };
export type ObservationRetraction = { rowId: string; figure: FigureLine; reason: string };
export type LeftAlone<Line> = { rowId: string; line: Line; wanted: "corrected" | "retracted"; why: string };

export type EventCorrection = { eventId: string; event: EventLine; formerSource: string; reason: string; record: SeedEvent };
export type EventAddition = { event: EventLine; reason: string; record: SeedEvent };

export type UpgradePlan = {
  /** The database held no dataset record yet: everything is loaded as it is, with no change entries. */
  firstLoad: boolean;
  observations: {
    corrected: ObservationCorrection[];
    added: ObservationAddition[];
    retracted: ObservationRetraction[];
    leftAlone: LeftAlone<FigureLine>[];
    unchanged: number;
  };
  events: { corrected: EventCorrection[]; added: EventAddition[]; leftAlone: LeftAlone<EventLine>[]; unchanged: number };
};

export type PlanContext = {
  records: SeedRecords;
  audit: SourceAudit;
  auditIndex: AuditIndex;
  /** The domain table as this run leaves it, for the class of a new source named in a reason. */
  domains: ReadonlyMap<string, DomainClass>;
  /** Date the dataset file was compiled, for reasons the audit does not give. */
  compiled: string;
  ids: { indicator: Map<string, string>; producer: Map<string, string>; source: Map<string, string> };
};

const decimal = (value: { toString(): string } | string | null) =>
  value === null ? null : new Prisma.Decimal(value.toString()).toString();

export const periodOf = (asOf: string, precision: string) =>
  precision === "day" ? asOf : precision === "month" ? asOf.slice(0, 7) : asOf.slice(0, 4);

const producerKey = (producer: { name: string; type: string }) => `${producer.type}|${producer.name}`;

function idOf(ids: Map<string, string>, key: string, what: string) {
  const id = ids.get(key);
  if (!id) throw new Error(`seed: no ${what} row for "${key}"`);
  return id;
}

const recordLine = (record: SeedObservation): FigureLine => ({
  indicator: record.indicatorSlug,
  period: periodOf(record.asOf, record.datePrecision),
  value: record.valueMax ? `${record.value}–${record.valueMax}` : record.value,
  producer: `${record.producer.name} (${record.producer.type})`,
  source: record.sourceUrl,
});

const storedObservationInclude = {
  indicator: { select: { slug: true } },
  producer: { select: { name: true, type: true } },
  source: { select: { url: true } },
} as const;
type StoredObservation = Prisma.ObservationGetPayload<{ include: typeof storedObservationInclude }>;

const storedLine = (row: StoredObservation): FigureLine => {
  const asOf = isoDayOrNull(row.asOf)!;
  return {
    indicator: row.indicator.slug,
    period: periodOf(asOf, row.datePrecision),
    value: row.valueMax ? `${decimal(row.value)}–${decimal(row.valueMax)}` : decimal(row.value)!,
    producer: `${row.producer.name} (${row.producer.type})`,
    source: row.source.url,
  };
};

/** What a stored figure and a file record are compared on: every column the seed writes. */
const storedProjection = (row: StoredObservation) => ({
  indicatorId: row.indicatorId,
  producerId: row.producerId,
  sourceId: row.sourceId,
  value: decimal(row.value),
  valueMax: decimal(row.valueMax),
  qualifier: row.qualifier,
  asOf: isoDayOrNull(row.asOf),
  datePrecision: row.datePrecision,
  attribution: row.attribution,
  noteEn: row.noteEn,
  noteEs: row.noteEs,
});

export const observationLinks = (context: PlanContext, record: SeedObservation) => ({
  indicatorId: idOf(context.ids.indicator, record.indicatorSlug, "indicator"),
  producerId: idOf(context.ids.producer, producerKey(record.producer), "producer"),
  sourceId: idOf(context.ids.source, record.sourceUrl, "source"),
});

const recordProjection = (context: PlanContext, record: SeedObservation) => ({
  ...observationLinks(context, record),
  value: decimal(record.value),
  valueMax: decimal(record.valueMax),
  qualifier: record.qualifier,
  asOf: record.asOf,
  datePrecision: record.datePrecision,
  attribution: record.attribution,
  noteEn: record.noteEn,
  noteEs: record.noteEs,
});

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Rows staff changed since the seed wrote them, and why the upgrade leaves them alone: a change
 * entry by a person or a token on the row or on a draft that revised it, or a correction waiting for
 * review. The seed and the upgrade write their entries with no actor, so they never count.
 */
async function staffEditedObservations(tx: Tx, rowIds: string[]): Promise<Map<string, string>> {
  const revisions = await tx.observation.findMany({
    where: { revisionOfId: { in: rowIds } },
    select: { id: true, revisionOfId: true, status: true },
  });
  const originalOf = new Map(revisions.map((revision) => [revision.id, revision.revisionOfId!]));
  const why = new Map<string, string>();
  for (const revision of revisions)
    if (revision.status === "draft") why.set(revision.revisionOfId!, "a correction by staff is waiting for review");
  const entries = await tx.changeEntry.findMany({
    where: {
      entityType: "observation",
      entityId: { in: [...rowIds, ...originalOf.keys()] },
      OR: [{ actorUserId: { not: null } }, { actorTokenId: { not: null } }],
    },
    select: { entityId: true, action: true },
    orderBy: { sequence: "asc" },
  });
  for (const entry of entries) {
    const rowId = originalOf.get(entry.entityId) ?? entry.entityId;
    if (!why.has(rowId)) why.set(rowId, `changed by staff since it was seeded (${entry.action})`);
  }
  return why;
}

async function staffEditedEvents(tx: Tx, eventIds: string[]): Promise<Map<string, string>> {
  const why = new Map<string, string>();
  const pending = await tx.referenceChange.findMany({
    where: { entityType: "event", entityId: { in: eventIds }, status: "pending" },
    select: { entityId: true },
  });
  for (const proposal of pending) why.set(proposal.entityId!, "a change proposed by staff is waiting for review");
  const entries = await tx.changeEntry.findMany({
    where: { entityType: "event", entityId: { in: eventIds }, OR: [{ actorUserId: { not: null } }, { actorTokenId: { not: null } }] },
    select: { entityId: true, action: true },
    orderBy: { sequence: "asc" },
  });
  for (const entry of entries)
    if (!why.has(entry.entityId)) why.set(entry.entityId, `changed by staff since it was seeded (${entry.action})`);
  return why;
}

const classOf = (context: PlanContext, url: string) => proposeSourceClass(context.domains, url).sourceClass;

const changedFields = (before: Record<string, unknown>, after: Record<string, unknown>) =>
  Object.keys(after).filter((field) => !same(before[field], after[field]));

async function planObservations(tx: Tx, context: PlanContext, firstLoad: boolean): Promise<UpgradePlan["observations"]> {
  const plan: UpgradePlan["observations"] = { corrected: [], added: [], retracted: [], leftAlone: [], unchanged: 0 };
  const rows = await tx.observation.findMany({ where: { seedKey: { not: null } }, include: storedObservationInclude });
  const bySeedKey = new Map(rows.map((row) => [row.seedKey!, row]));
  const staff = await staffEditedObservations(
    tx,
    rows.map((row) => row.id),
  );
  const leftAloneWhy = (row: StoredObservation) =>
    staff.get(row.id) ?? (row.status !== "published" ? `${row.status} by staff since it was seeded` : null);
  const claimed = new Set<string>();

  for (const record of context.records.observations) {
    const audited = context.auditIndex.observations.get(record.seedKey);
    const row = bySeedKey.get(record.seedKey) ?? (audited?.formerSeedKey ? bySeedKey.get(audited.formerSeedKey) : undefined);
    const projection = recordProjection(context, record);
    if (!row) {
      plan.added.push({ figure: recordLine(record), reason: `Dataset update ${context.compiled}: figure added to the dataset`, record });
      continue;
    }
    claimed.add(row.id);
    const stored = storedProjection(row);
    if (same(stored, projection)) {
      plan.unchanged += 1;
      continue;
    }
    const why = leftAloneWhy(row);
    if (why) {
      plan.leftAlone.push({ rowId: row.id, line: storedLine(row), wanted: "corrected", why });
      continue;
    }
    const reason = audited
      ? auditReason(context.audit.label, audited.entry, classOf(context, record.sourceUrl))
      : `Dataset update ${context.compiled}: ${changedFields(stored, projection).join(", ")} corrected`;
    plan.corrected.push({
      rowId: row.id,
      seedKey: record.seedKey,
      figure: recordLine(record),
      formerSource: row.source.url,
      reason,
      record,
    });
  }

  for (const row of rows) {
    if (claimed.has(row.id)) continue;
    const why = leftAloneWhy(row);
    if (row.status === "retracted" && !staff.has(row.id)) {
      // Retracted by an earlier run: nothing left to do.
      plan.unchanged += 1;
    } else if (why) {
      plan.leftAlone.push({ rowId: row.id, line: storedLine(row), wanted: "retracted", why });
    } else {
      const line = storedLine(row);
      const removal = context.audit.entries.find(
        (entry) =>
          entry.action === "remove" &&
          isRemovedBy(entry, {
            indicator: line.indicator,
            value: Number(row.value.toString()),
            attribution: row.attribution,
            sourceUrl: line.source,
          }),
      );
      plan.retracted.push({
        rowId: row.id,
        figure: line,
        reason: removal
          ? auditReason(context.audit.label, removal, null)
          : `Dataset update ${context.compiled}: figure no longer in the dataset`,
      });
    }
  }
  if (firstLoad && (plan.corrected.length || plan.retracted.length)) throw new Error("seed: a first load found dataset rows");
  return plan;
}

const storedEventSelect = {
  id: true,
  seedKey: true,
  kind: true,
  startsOn: true,
  datePrecision: true,
  dateNoteEs: true,
  dateNoteEn: true,
  titleEs: true,
  titleEn: true,
  source: { select: { url: true } },
} as const;
type StoredEvent = Prisma.EventGetPayload<{ select: typeof storedEventSelect }>;

const storedEventProjection = (row: StoredEvent) => ({
  sourceUrl: row.source.url,
  kind: row.kind,
  startsOn: isoDayOrNull(row.startsOn),
  datePrecision: row.datePrecision,
  dateNoteEs: row.dateNoteEs,
  dateNoteEn: row.dateNoteEn,
  titleEs: row.titleEs,
  titleEn: row.titleEn,
});
const recordEventProjection = (record: SeedEvent) => ({
  sourceUrl: record.sourceUrl,
  kind: record.kind,
  startsOn: record.startsOn,
  datePrecision: record.datePrecision,
  dateNoteEs: record.dateNoteEs,
  dateNoteEn: record.dateNoteEn,
  titleEs: record.titleEs,
  titleEn: record.titleEn,
});
const eventLine = (event: { startsOn: string | null; titleEn: string; sourceUrl: string }): EventLine => ({
  date: event.startsOn ?? "",
  title: event.titleEn,
  source: event.sourceUrl,
});

async function planEvents(tx: Tx, context: PlanContext): Promise<UpgradePlan["events"]> {
  const plan: UpgradePlan["events"] = { corrected: [], added: [], leftAlone: [], unchanged: 0 };
  const rows = await tx.event.findMany({ where: { seedKey: { not: null } }, select: storedEventSelect });
  const bySeedKey = new Map(rows.map((row) => [row.seedKey!, row]));
  const staff = await staffEditedEvents(
    tx,
    rows.map((row) => row.id),
  );
  const inFile = new Set<string>();
  for (const record of context.records.events) {
    inFile.add(record.seedKey);
    const row = bySeedKey.get(record.seedKey);
    if (!row) {
      plan.added.push({ event: eventLine(record), reason: `Dataset update ${context.compiled}: event added to the dataset`, record });
      continue;
    }
    const stored = storedEventProjection(row);
    const incoming = recordEventProjection(record);
    if (same(stored, incoming)) {
      plan.unchanged += 1;
    } else if (staff.has(row.id)) {
      plan.leftAlone.push({ rowId: row.id, line: eventLine(stored), wanted: "corrected", why: staff.get(row.id)! });
    } else {
      const audited = context.auditIndex.events.get(record.seedKey);
      const reason = audited
        ? auditReason(context.audit.label, audited, classOf(context, record.sourceUrl))
        : `Dataset update ${context.compiled}: ${changedFields(stored, incoming).join(", ")} corrected`;
      plan.corrected.push({ eventId: row.id, event: eventLine(incoming), formerSource: stored.sourceUrl, reason, record });
    }
  }
  for (const row of rows)
    if (!inFile.has(row.seedKey!))
      plan.leftAlone.push({
        rowId: row.id,
        line: eventLine(storedEventProjection(row)),
        wanted: "retracted",
        why: "no longer in the dataset; events are not removed by a seed run",
      });
  return plan;
}

/** Matches every record of the file with the row it was seeded as, and says what the run will do with each. */
export async function planUpgrade(tx: Tx, context: PlanContext, firstLoad: boolean): Promise<UpgradePlan> {
  return { firstLoad, observations: await planObservations(tx, context, firstLoad), events: await planEvents(tx, context) };
}
