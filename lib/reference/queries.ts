import { z } from "zod";
import { getDb } from "../db/client";
import type { Prisma, ReferenceChangeStatus } from "@/lib/generated/prisma/client";
import type { DatePrecision, ProducerType } from "../observations/types";
import type { ReferenceEntity, ZEventInput, ZFramingInput, ZIndicatorInput, ZProducerInput, ZSourceInput } from "../schemas/reference";
import { isoDayOrNull } from "../dates";
import { isStorableText } from "../schemas/storable-text";

// Reads for the reference-data editor: lists with search and pages, and each record in the shape
// its form sends back (the schema's input), so saving an untouched form changes nothing.

export const PAGE_SIZE = 50;

type Client = Prisma.TransactionClient;

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);

/** `?q=…&page=…` from a list page's URL; anything malformed falls back to no search, page 1. */
export const ZListQuery = z.object({
  // PostgreSQL text holds no NUL: a search for one falls back to no search, like any malformed query.
  q: z.preprocess(first, z.string().trim().max(200).refine(isStorableText)).catch(""),
  page: z.preprocess(first, z.coerce.number().int().min(1).max(100_000)).catch(1),
});
export type ListQuery = z.infer<typeof ZListQuery>;

export type ListPage<Row> = { rows: Row[]; total: number; page: number; pageCount: number; q: string };

/** A record as its edit form loads it; updatedAt goes back with the edit (a stale one is a 409). */
export type EditableRecord<Values> = { id: string; updatedAt: string; values: Values };

// Prisma sends `contains` to ILIKE as is: escaped, so "100%" or "a_b" are searched for literally.
const contains = (q: string) => ({ contains: q.replace(/[\\%_]/g, "\\$&"), mode: "insensitive" as const });

// Counts first so a page number past the end shows the last page rather than nothing.
async function paged<Row>(query: ListQuery, count: () => Promise<number>, find: (skip: number) => Promise<Row[]>): Promise<ListPage<Row>> {
  const total = await count();
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  return { rows: await find((page - 1) * PAGE_SIZE), total, page, pageCount, q: query.q };
}

// Sources

export type SourceRow = { id: string; url: string; publisher: string | null; publishedAt: string | null };

export function listSources(query: ListQuery): Promise<ListPage<SourceRow>> {
  const where: Prisma.SourceWhereInput = query.q ? { OR: [{ url: contains(query.q) }, { publisher: contains(query.q) }] } : {};
  return paged(
    query,
    () => getDb().source.count({ where }),
    async (skip) =>
      (
        await getDb().source.findMany({
          where,
          select: { id: true, url: true, publisher: true, publishedAt: true },
          orderBy: { url: "asc" },
          skip,
          take: PAGE_SIZE,
        })
      ).map((row) => ({ ...row, publishedAt: isoDayOrNull(row.publishedAt) })),
  );
}

export function getSourceForEdit(id: string) {
  return loadSource(getDb(), id);
}

async function loadSource(client: Client, id: string): Promise<EditableRecord<z.input<typeof ZSourceInput>> | null> {
  if (!isStorableText(id)) return null;
  const row = await client.source.findUnique({
    where: { id },
    select: { id: true, url: true, publisher: true, publishedAt: true, archivedUrl: true, updatedAt: true },
  });
  if (!row) return null;
  return {
    id: row.id,
    updatedAt: row.updatedAt.toISOString(),
    values: { url: row.url, publisher: row.publisher ?? "", publishedAt: isoDayOrNull(row.publishedAt), archivedUrl: row.archivedUrl },
  };
}

// Producers

export type ProducerRow = { id: string; name: string; type: ProducerType };

export function listProducers(query: ListQuery): Promise<ListPage<ProducerRow>> {
  const where: Prisma.ProducerWhereInput = query.q ? { name: contains(query.q) } : {};
  return paged(
    query,
    () => getDb().producer.count({ where }),
    (skip) =>
      getDb().producer.findMany({
        where,
        select: { id: true, name: true, type: true },
        orderBy: [{ type: "asc" }, { name: "asc" }],
        skip,
        take: PAGE_SIZE,
      }),
  );
}

export function getProducerForEdit(id: string) {
  return loadProducer(getDb(), id);
}

async function loadProducer(client: Client, id: string): Promise<EditableRecord<z.input<typeof ZProducerInput>> | null> {
  if (!isStorableText(id)) return null;
  const row = await client.producer.findUnique({ where: { id }, select: { id: true, name: true, type: true, updatedAt: true } });
  return row && { id: row.id, updatedAt: row.updatedAt.toISOString(), values: { name: row.name, type: row.type } };
}

// Framings

export type FramingRow = {
  id: string;
  indicator: { slug: string; nameEs: string; nameEn: string };
  producer: { name: string; type: ProducerType };
  summaryEs: string;
  summaryEn: string;
};

export function listFramings(query: ListQuery): Promise<ListPage<FramingRow>> {
  const where: Prisma.FramingWhereInput = query.q
    ? {
        OR: [
          { summaryEs: contains(query.q) },
          { summaryEn: contains(query.q) },
          { producer: { name: contains(query.q) } },
          { indicator: { slug: contains(query.q) } },
        ],
      }
    : {};
  return paged(
    query,
    () => getDb().framing.count({ where }),
    (skip) =>
      getDb().framing.findMany({
        where,
        select: {
          id: true,
          summaryEs: true,
          summaryEn: true,
          indicator: { select: { slug: true, nameEs: true, nameEn: true } },
          producer: { select: { name: true, type: true } },
        },
        orderBy: [{ indicator: { slug: "asc" } }, { sortOrder: "asc" }, { createdAt: "asc" }],
        skip,
        take: PAGE_SIZE,
      }),
  );
}

export function getFramingForEdit(id: string) {
  return loadFraming(getDb(), id);
}

async function loadFraming(client: Client, id: string): Promise<EditableRecord<z.input<typeof ZFramingInput>> | null> {
  if (!isStorableText(id)) return null;
  const row = await client.framing.findUnique({
    where: { id },
    select: {
      id: true,
      updatedAt: true,
      summaryEs: true,
      summaryEn: true,
      indicator: { select: { slug: true } },
      producer: { select: { name: true, type: true } },
      source: { select: { url: true } },
    },
  });
  if (!row) return null;
  return {
    id: row.id,
    updatedAt: row.updatedAt.toISOString(),
    values: {
      indicatorSlug: row.indicator.slug,
      producer: row.producer,
      sourceUrl: row.source.url,
      summaryEs: row.summaryEs,
      summaryEn: row.summaryEn,
    },
  };
}

// Events

export type EventRow = { id: string; kind: string; startsOn: string; datePrecision: DatePrecision; titleEs: string; titleEn: string };

export function listEvents(query: ListQuery): Promise<ListPage<EventRow>> {
  const where: Prisma.EventWhereInput = query.q ? { OR: [{ titleEs: contains(query.q) }, { titleEn: contains(query.q) }] } : {};
  return paged(
    query,
    () => getDb().event.count({ where }),
    async (skip) =>
      (
        await getDb().event.findMany({
          where,
          select: { id: true, kind: true, startsOn: true, datePrecision: true, titleEs: true, titleEn: true },
          // Newest first: editors mostly add and fix recent events.
          orderBy: [{ startsOn: "desc" }, { createdAt: "desc" }],
          skip,
          take: PAGE_SIZE,
        })
      ).map((row) => ({ ...row, startsOn: isoDayOrNull(row.startsOn)! })),
  );
}

export function getEventForEdit(id: string) {
  return loadEvent(getDb(), id);
}

async function loadEvent(client: Client, id: string): Promise<EditableRecord<z.input<typeof ZEventInput>> | null> {
  if (!isStorableText(id)) return null;
  const row = await client.event.findUnique({
    where: { id },
    select: {
      id: true,
      updatedAt: true,
      kind: true,
      startsOn: true,
      endsOn: true,
      datePrecision: true,
      dateNote: true,
      titleEs: true,
      titleEn: true,
      source: { select: { url: true } },
    },
  });
  if (!row) return null;
  const { id: rowId, updatedAt, source, startsOn, endsOn, ...rest } = row;
  return {
    id: rowId,
    updatedAt: updatedAt.toISOString(),
    values: { ...rest, startsOn: isoDayOrNull(startsOn)!, endsOn: isoDayOrNull(endsOn), sourceUrl: source.url },
  };
}

// Indicators

export type IndicatorRow = { id: string; slug: string; nameEs: string; nameEn: string; theme: string };

export function listIndicators(query: ListQuery): Promise<ListPage<IndicatorRow>> {
  const where: Prisma.IndicatorWhereInput = query.q
    ? { OR: [{ slug: contains(query.q) }, { nameEs: contains(query.q) }, { nameEn: contains(query.q) }] }
    : {};
  return paged(
    query,
    () => getDb().indicator.count({ where }),
    (skip) =>
      getDb().indicator.findMany({
        where,
        select: { id: true, slug: true, nameEs: true, nameEn: true, theme: true },
        orderBy: [{ theme: "asc" }, { sortOrder: "asc" }, { slug: "asc" }],
        skip,
        take: PAGE_SIZE,
      }),
  );
}

export function getIndicatorForEdit(id: string) {
  return loadIndicator(getDb(), id);
}

async function loadIndicator(client: Client, id: string): Promise<EditableRecord<z.input<typeof ZIndicatorInput>> | null> {
  if (!isStorableText(id)) return null;
  const row = await client.indicator.findUnique({
    where: { id },
    select: {
      id: true,
      updatedAt: true,
      slug: true,
      nameEs: true,
      nameEn: true,
      descriptionEs: true,
      descriptionEn: true,
      unit: true,
      unitEs: true,
      theme: true,
      valueKind: true,
    },
  });
  if (!row) return null;
  const { id: rowId, updatedAt, ...values } = row;
  return { id: rowId, updatedAt: updatedAt.toISOString(), values };
}

const LOADERS = { source: loadSource, producer: loadProducer, framing: loadFraming, event: loadEvent, indicator: loadIndicator };

/**
 * A record in its edit form's shape, read inside the caller's transaction when one is given: what a
 * proposal was written against, and the before and after of the public change log.
 */
export function loadReferenceRecord(
  client: Client,
  entity: ReferenceEntity,
  id: string,
): Promise<EditableRecord<Record<string, unknown>> | null> {
  return LOADERS[entity](client, id) as Promise<EditableRecord<Record<string, unknown>> | null>;
}

export type IndicatorChoice = { slug: string; nameEs: string; nameEn: string };

/** Every indicator a framing can belong to, for the framing form's select. */
export function listIndicatorChoices(): Promise<IndicatorChoice[]> {
  return getDb().indicator.findMany({ select: { slug: true, nameEs: true, nameEn: true }, orderBy: { slug: "asc" } });
}

// Proposed changes (lib/reference/mutations.ts writes them)

export const proposalSelect = {
  id: true,
  entityType: true,
  entityId: true,
  isCreate: true,
  data: true,
  seenUpdatedAt: true,
  reason: true,
  status: true,
  reviewNote: true,
  decidedAt: true,
  createdAt: true,
  proposedById: true,
  proposedBy: { select: { displayName: true } },
  reviewedBy: { select: { displayName: true } },
} satisfies Prisma.ReferenceChangeSelect;

export type ProposalRow = Prisma.ReferenceChangeGetPayload<{ select: typeof proposalSelect }>;

export type ReferenceChangeView = {
  id: string;
  entityType: ReferenceEntity;
  entityId: string | null;
  isCreate: boolean;
  status: ReferenceChangeStatus;
  reason: string;
  reviewNote: string | null;
  data: Record<string, unknown>;
  seenUpdatedAt: string | null;
  proposedById: string;
  proposedBy: string;
  reviewedBy: string | null;
  createdAt: string;
  decidedAt: string | null;
};

export const toProposalView = (row: ProposalRow): ReferenceChangeView => ({
  id: row.id,
  entityType: row.entityType as ReferenceEntity,
  entityId: row.entityId,
  isCreate: row.isCreate,
  status: row.status,
  reason: row.reason,
  reviewNote: row.reviewNote,
  data: row.data as Record<string, unknown>,
  seenUpdatedAt: row.seenUpdatedAt?.toISOString() ?? null,
  proposedById: row.proposedById,
  proposedBy: row.proposedBy.displayName,
  reviewedBy: row.reviewedBy?.displayName ?? null,
  createdAt: row.createdAt.toISOString(),
  decidedAt: row.decidedAt?.toISOString() ?? null,
});

/** A pending proposal beside the record as it stands now (null for a new record, or one since removed). */
export type PendingReferenceChange = ReferenceChangeView & { current: Record<string, unknown> | null };

async function withCurrent(rows: ProposalRow[]): Promise<PendingReferenceChange[]> {
  return Promise.all(
    rows.map(async (row) => {
      const view = toProposalView(row);
      const current = view.entityId ? await loadReferenceRecord(getDb(), view.entityType, view.entityId) : null;
      return { ...view, current: current?.values ?? null };
    }),
  );
}

/** Pending proposals, oldest first (the review queue), a page at a time. */
export function listPendingReferenceChanges(query: Pick<ListQuery, "page">): Promise<ListPage<PendingReferenceChange>> {
  const where: Prisma.ReferenceChangeWhereInput = { status: "pending" };
  return paged(
    { ...query, q: "" },
    () => getDb().referenceChange.count({ where }),
    async (skip) =>
      withCurrent(
        await getDb().referenceChange.findMany({
          where,
          select: proposalSelect,
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          skip,
          take: PAGE_SIZE,
        }),
      ),
  );
}

/** How many reference changes wait for a reviewer (the review queue points to them). */
export function countPendingReferenceChanges(): Promise<number> {
  return getDb().referenceChange.count({ where: { status: "pending" } });
}

/** Pending proposals for one record, shown on its edit page. */
export async function listPendingReferenceChangesFor(entity: ReferenceEntity, id: string): Promise<PendingReferenceChange[]> {
  if (!isStorableText(id)) return [];
  return withCurrent(
    await getDb().referenceChange.findMany({
      where: { status: "pending", entityType: entity, entityId: id },
      select: proposalSelect,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: PAGE_SIZE,
    }),
  );
}
