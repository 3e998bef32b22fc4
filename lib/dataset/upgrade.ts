import "server-only";
import type { Prisma } from "../generated/prisma/client";
import { fromIsoDay } from "../dates";
import { applyCorrection, loadForUpdate, proposeCorrection, recordFigureChange, retractPublished } from "../observations/mutations";
import { SNAPSHOT_INCLUDE } from "../observations/shapes";
import { loadReferenceRecord } from "../reference/queries";
import { writeReferenceChange } from "../reference/mutations";
import { ZEventInput } from "../schemas/reference";
import { observationLinks, type PlanContext, type UpgradePlan } from "./upgrade-plan";
import type { SeedEvent, SeedObservation } from "./to-records";

// Applies a seed run's plan. On a first load the records are inserted as they are: no change entry,
// the dataset is where the site starts. On a database that already holds the dataset, every change
// is written as staff's would be, with no actor (the dataset itself): a correction is proposed and
// applied (observation.correction_proposed, then observation.corrected with the before and after), a
// figure taken out is retracted with its reason, an event is edited through the reference writer with
// a public event.updated entry. So readers find each on the change log and the feed, with its reason.

type Tx = Prisma.TransactionClient;

const figureColumns = (context: PlanContext, record: SeedObservation) => ({
  ...observationLinks(context, record),
  value: record.value,
  valueMax: record.valueMax,
  qualifier: record.qualifier,
  asOf: fromIsoDay(record.asOf),
  datePrecision: record.datePrecision,
  attribution: record.attribution,
  noteEn: record.noteEn,
  noteEs: record.noteEs,
});

const eventColumns = (context: PlanContext, record: SeedEvent) => ({
  seedKey: record.seedKey,
  sourceId: context.ids.source.get(record.sourceUrl)!,
  kind: record.kind,
  startsOn: fromIsoDay(record.startsOn),
  datePrecision: record.datePrecision,
  dateNoteEs: record.dateNoteEs,
  dateNoteEn: record.dateNoteEn,
  titleEs: record.titleEs,
  titleEn: record.titleEn,
  appliesToAll: record.indicators === "all",
});

async function loadFirstTime(tx: Tx, context: PlanContext, plan: UpgradePlan) {
  await tx.observation.createMany({
    data: plan.observations.added.map(({ record }) => ({
      seedKey: record.seedKey,
      status: "published" as const,
      ...figureColumns(context, record),
    })),
  });
  await tx.event.createMany({ data: plan.events.added.map(({ record }) => eventColumns(context, record)) });
}

/** An event as its edit form would send it: the stored record with the file's fields over it. */
async function eventInput(tx: Tx, eventId: string | null, record: SeedEvent) {
  const current = eventId ? await loadReferenceRecord(tx, "event", eventId) : null;
  return ZEventInput.parse({
    ...(current?.values ?? { endsOn: null }),
    kind: record.kind,
    startsOn: record.startsOn,
    datePrecision: record.datePrecision,
    dateNote: record.dateNoteEn,
    dateNoteEs: record.dateNoteEs,
    titleEs: record.titleEs,
    titleEn: record.titleEn,
    sourceUrl: record.sourceUrl,
    // An edit leaves the indicators as they are; a new event takes the curation file's.
    ...(eventId
      ? { appliesToAll: undefined, indicatorSlugs: undefined }
      : record.indicators === "all"
        ? { appliesToAll: true }
        : { appliesToAll: false, indicatorSlugs: record.indicators }),
  });
}

async function upgradeInPlace(tx: Tx, context: PlanContext, plan: UpgradePlan) {
  for (const correction of plan.observations.corrected) {
    // The row takes the record's key first, so the next run finds it directly.
    await tx.observation.update({ where: { id: correction.rowId }, data: { seedKey: correction.seedKey } });
    const current = await loadForUpdate(tx, correction.rowId);
    const { proposal } = await proposeCorrection(tx, null, current, figureColumns(context, correction.record), correction.reason);
    await applyCorrection(tx, null, proposal);
  }
  for (const addition of plan.observations.added) {
    const created = await tx.observation.create({
      data: { seedKey: addition.record.seedKey, status: "published", publishedAt: new Date(), ...figureColumns(context, addition.record) },
      include: SNAPSHOT_INCLUDE,
    });
    await recordFigureChange(tx, null, "observation.published", created.id, created, { reason: addition.reason });
  }
  for (const retraction of plan.observations.retracted)
    await retractPublished(tx, null, await loadForUpdate(tx, retraction.rowId), retraction.reason);

  for (const correction of plan.events.corrected) {
    const current = await tx.event.findUniqueOrThrow({ where: { id: correction.eventId }, select: { version: true } });
    await writeReferenceChange(tx, null, {
      entity: "event",
      id: correction.eventId,
      seenVersion: current.version,
      data: await eventInput(tx, correction.eventId, correction.record),
      reason: correction.reason,
    });
  }
  for (const addition of plan.events.added) {
    const { id } = await writeReferenceChange(tx, null, {
      entity: "event",
      id: null,
      seenVersion: null,
      data: await eventInput(tx, null, addition.record),
      reason: addition.reason,
    });
    await tx.event.update({ where: { id }, data: { seedKey: addition.record.seedKey } });
  }
}

/** Writes the plan: inserted as it is on a first load, as published changes with their reasons on an upgrade. */
export function applyPlan(tx: Tx, context: PlanContext, plan: UpgradePlan): Promise<void> {
  return plan.firstLoad ? loadFirstTime(tx, context, plan) : upgradeInPlace(tx, context, plan);
}
