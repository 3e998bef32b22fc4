import type { z } from "zod";
import type { Actor } from "./auth/actor";
import { transactionInvalidating } from "./cache/invalidation";
import { appendChange, type ChangeAction, type NewChange } from "./changes";
import { getDb } from "./db/client";
import { AppError, conflict, forbidden, notFound } from "./errors";
import type { Prisma } from "./generated/prisma/client";
import { canEditReferenceData } from "./permissions";
import type { ZEventInput, ZFramingInput, ZIndicatorInput, ZProducerInput, ZSourceInput } from "./schemas/reference";
import { fromIsoDay } from "./dates";

type Tx = Prisma.TransactionClient;
type Entity = "source" | "producer" | "framing" | "event" | "indicator";

const day = (iso: string | null) => (iso ? fromIsoDay(iso) : null);

function requireEditor(actor: Actor) {
  if (!canEditReferenceData(actor)) throw forbidden("Only editors, reviewers and admins can edit reference data.");
}

// Shared shape of every reference edit: check the version the editor saw, write, record one entry.
async function editWithHistory<Row extends { id: string; updatedAt: Date }>(options: {
  actor: Actor;
  entity: Entity;
  id: string;
  seenUpdatedAt: string;
  load: (tx: Tx) => Promise<Row | null>;
  write: (tx: Tx, current: Row) => Promise<Row>;
}) {
  requireEditor(options.actor);
  return transactionInvalidating(
    getDb(),
    async (tx) => {
      const current = await options.load(tx);
      if (!current) throw notFound(`This ${options.entity}`);
      if (current.updatedAt.toISOString() !== options.seenUpdatedAt) {
        throw conflict("Someone changed this since you opened it. Review the current version and apply your change again.", { current });
      }
      const updated = await options.write(tx, current);
      await appendChange(tx, change(options.actor, `${options.entity}.updated` as ChangeAction, options.entity, options.id, current, updated));
      return updated;
    },
    { isolationLevel: "Serializable" },
  );
}

const change = (actor: Actor, action: ChangeAction, entityType: Entity, entityId: string, before: unknown, after: unknown): NewChange => ({
  action,
  entityType,
  entityId,
  actor,
  before,
  after,
});

async function createWithHistory<Row extends { id: string }>(actor: Actor, entity: Entity, create: (tx: Tx) => Promise<Row>) {
  requireEditor(actor);
  return transactionInvalidating(getDb(), async (tx) => {
    const created = await create(tx);
    await appendChange(tx, change(actor, `${entity}.created` as ChangeAction, entity, created.id, null, created));
    return created;
  });
}

async function sourceIdFor(tx: Tx, url: string) {
  const source = await tx.source.upsert({ where: { url }, create: { url }, update: {}, select: { id: true } });
  return source.id;
}

async function indicatorIdFor(tx: Tx, slug: string) {
  const indicator = await tx.indicator.findUnique({ where: { slug }, select: { id: true } });
  if (!indicator) throw new AppError(400, "invalid_request", `Unknown indicator "${slug}".`, { fields: [{ path: "indicatorSlug", message: "Unknown indicator." }] });
  return indicator.id;
}

export function updateSource(actor: Actor, id: string, seenUpdatedAt: string, input: z.infer<typeof ZSourceInput>) {
  return editWithHistory({
    actor,
    entity: "source",
    id,
    seenUpdatedAt,
    load: (tx) => tx.source.findUnique({ where: { id } }),
    write: (tx) => tx.source.update({ where: { id }, data: { ...input, publishedAt: day(input.publishedAt) } }),
  });
}

export function updateProducer(actor: Actor, id: string, seenUpdatedAt: string, input: z.infer<typeof ZProducerInput>) {
  return editWithHistory({
    actor,
    entity: "producer",
    id,
    seenUpdatedAt,
    load: (tx) => tx.producer.findUnique({ where: { id } }),
    write: (tx) => tx.producer.update({ where: { id }, data: input }),
  });
}

const framingData = async (tx: Tx, input: z.infer<typeof ZFramingInput>) => ({
  indicatorId: await indicatorIdFor(tx, input.indicatorSlug),
  producerId: (await tx.producer.upsert({ where: { name_type: input.producer }, create: input.producer, update: {}, select: { id: true } })).id,
  sourceId: await sourceIdFor(tx, input.sourceUrl),
  summaryEs: input.summaryEs,
  summaryEn: input.summaryEn,
});

export function createFraming(actor: Actor, input: z.infer<typeof ZFramingInput>) {
  return createWithHistory(actor, "framing", async (tx) => tx.framing.create({ data: await framingData(tx, input) }));
}

export function updateFraming(actor: Actor, id: string, seenUpdatedAt: string, input: z.infer<typeof ZFramingInput>) {
  return editWithHistory({
    actor,
    entity: "framing",
    id,
    seenUpdatedAt,
    load: (tx) => tx.framing.findUnique({ where: { id } }),
    write: async (tx) => tx.framing.update({ where: { id }, data: await framingData(tx, input) }),
  });
}

const eventData = async (tx: Tx, input: z.infer<typeof ZEventInput>) => ({
  kind: input.kind,
  startsOn: day(input.startsOn)!,
  endsOn: day(input.endsOn),
  datePrecision: input.datePrecision,
  dateNote: input.dateNote,
  titleEs: input.titleEs,
  titleEn: input.titleEn,
  sourceId: await sourceIdFor(tx, input.sourceUrl),
});

export function createEvent(actor: Actor, input: z.infer<typeof ZEventInput>) {
  return createWithHistory(actor, "event", async (tx) => tx.event.create({ data: await eventData(tx, input) }));
}

export function updateEvent(actor: Actor, id: string, seenUpdatedAt: string, input: z.infer<typeof ZEventInput>) {
  return editWithHistory({
    actor,
    entity: "event",
    id,
    seenUpdatedAt,
    load: (tx) => tx.event.findUnique({ where: { id } }),
    write: async (tx) => tx.event.update({ where: { id }, data: await eventData(tx, input) }),
  });
}

export function createIndicator(actor: Actor, input: z.infer<typeof ZIndicatorInput>) {
  return createWithHistory(actor, "indicator", async (tx) => {
    if (await tx.indicator.findUnique({ where: { slug: input.slug }, select: { id: true } })) throw conflict(`An indicator "${input.slug}" already exists.`);
    return tx.indicator.create({ data: input });
  });
}

export function updateIndicator(actor: Actor, id: string, seenUpdatedAt: string, input: z.infer<typeof ZIndicatorInput>) {
  return editWithHistory({
    actor,
    entity: "indicator",
    id,
    seenUpdatedAt,
    load: (tx) => tx.indicator.findUnique({ where: { id } }),
    write: (tx) => tx.indicator.update({ where: { id }, data: input }),
  });
}
