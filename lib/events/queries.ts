import "server-only";
import type { z } from "zod";
import { getDb } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import { isoDay, isoDayOrNull, fromIsoDay } from "../dates";
import { encodeCursor } from "../public-api/observations";
import type { CursorPage } from "../public-api/paging";
import { contains, listPage, type ListPage, type ListQuery } from "../reference/list-page";
import { editableRecordLoader, type Tx } from "../reference/record";
import type { DatePrecision, EventKind, SourceClass } from "../schemas/enums";
import type { ZEventInput } from "../schemas/reference";

// Dated events (decrees, renewals, reports): the public timeline, the API's pages and the editor's
// list and form, each a select and a mapper from it.

export type { EventKind } from "../schemas/enums";

const eventSelect = {
  id: true,
  kind: true,
  startsOn: true,
  endsOn: true,
  datePrecision: true,
  dateNoteEs: true,
  dateNoteEn: true,
  titleEs: true,
  titleEn: true,
  appliesToAll: true,
  source: { select: { url: true, publisher: true, sourceClass: true } },
  indicators: {
    select: { indicator: { select: { slug: true, nameEs: true, nameEn: true, sortOrder: true } } },
    orderBy: [{ indicator: { sortOrder: "asc" } }, { indicator: { slug: "asc" } }],
  },
} satisfies Prisma.EventSelect;

type EventRecord = Prisma.EventGetPayload<{ select: typeof eventSelect }>;

// Public

export type PublicEvent = {
  id: string;
  kind: EventKind;
  startsOn: string;
  endsOn: string | null;
  datePrecision: DatePrecision;
  /** Contraste's note on how the date is known; either language may be missing. */
  dateNoteEs: string | null;
  dateNoteEn: string | null;
  titleEs: string;
  titleEn: string;
  /** The source as every public page links it: with its class and, while the page is gone, its archived copy or the day it went missing. */
  source: { url: string; publisher: string | null; class: SourceClass; archivedUrl: string | null; brokenSince: string | null };
  /** True for an event that concerns every indicator (the declaration of the state of exception). */
  appliesToAll: boolean;
  /** The indicators the event concerns, in display order (empty when it applies to all). */
  indicators: EventIndicatorRef[];
};

export type EventIndicatorRef = { slug: string; nameEs: string; nameEn: string };

// The pages show a source's class and link health; the API's event (eventSelect) chooses its own source fields.
const publicEventSelect = {
  ...eventSelect,
  source: { select: { url: true, publisher: true, sourceClass: true, archivedUrl: true, linkState: true, linkBrokenSince: true } },
} satisfies Prisma.EventSelect;

type PublicEventRecord = Prisma.EventGetPayload<{ select: typeof publicEventSelect }>;

const toPublicEvent = ({
  indicators,
  source: { sourceClass, linkState, linkBrokenSince, ...source },
  ...row
}: PublicEventRecord): PublicEvent => ({
  ...row,
  source: { ...source, class: sourceClass, brokenSince: linkState === "broken" ? isoDayOrNull(linkBrokenSince) : null },
  startsOn: isoDay(row.startsOn),
  endsOn: isoDayOrNull(row.endsOn),
  indicators: indicators.map(({ indicator: { slug, nameEs, nameEn } }) => ({ slug, nameEs, nameEn })),
});

// A unique order (the id breaks ties), so consecutive pages never repeat or skip an event. The events
// page reads it newest first: a reader comes for what happened lately, and earlier pages go back in time.
const newestFirst = [{ startsOn: "desc" }, { createdAt: "desc" }, { id: "desc" }] satisfies Prisma.EventOrderByWithRelationInput[];

/** An indicator's own events (linked to it) and those that concern every indicator. */
const ofIndicator = (indicator: Prisma.IndicatorWhereInput): Prisma.EventWhereInput => ({
  OR: [{ appliesToAll: true }, { indicators: { some: { indicator } } }],
});

export type PublicEventPage = {
  events: PublicEvent[];
  /** Events matching the filter, on every page. */
  total: number;
  page: number;
  pageCount: number;
  pageSize: number;
};

/**
 * One page of dated events, newest first: all of them, or those of one indicator (by slug) and those
 * that concern every indicator. A page past the last one is empty.
 */
export async function listEvents(filter: { indicatorSlug?: string }, page: { page: number; pageSize: number }): Promise<PublicEventPage> {
  const where: Prisma.EventWhereInput = filter.indicatorSlug ? ofIndicator({ slug: filter.indicatorSlug }) : {};
  const db = getDb();
  const [total, rows] = await Promise.all([
    db.event.count({ where }),
    db.event.findMany({
      where,
      select: publicEventSelect,
      orderBy: newestFirst,
      skip: (page.page - 1) * page.pageSize,
      take: page.pageSize,
    }),
  ]);
  return { events: rows.map(toPublicEvent), total, page: page.page, pageCount: Math.ceil(total / page.pageSize), pageSize: page.pageSize };
}

/** How many events an indicator's page and chart show at most; the rest are on the events page (/events?indicator=slug). */
export const INDICATOR_EVENTS_SHOWN = 25;

export type IndicatorEvents = {
  /** At most INDICATOR_EVENTS_SHOWN events, oldest first, as a chart draws them. */
  events: PublicEvent[];
  /** The indicator's events left out of `events`. */
  more: number;
};

/**
 * An indicator's own events (those linked to it) and those that concern every indicator, bounded:
 * when there are more than INDICATOR_EVENTS_SHOWN, the ones concerning every indicator and then the
 * newest are kept, and `more` says how many were left out.
 */
export async function getIndicatorEvents(indicatorId: string, limit = INDICATOR_EVENTS_SHOWN): Promise<IndicatorEvents> {
  const where = ofIndicator({ id: indicatorId });
  const db = getDb();
  const [total, rows] = await Promise.all([
    db.event.count({ where }),
    db.event.findMany({
      where,
      select: publicEventSelect,
      orderBy: [{ appliesToAll: "desc" }, ...newestFirst],
      take: limit,
    }),
  ]);
  // Back to the chart's order, oldest first; on one day, the reverse of the newest-first order read.
  const position = new Map(rows.map((row, index) => [row.id, index]));
  const oldestFirst = [...rows].sort((a, b) => a.startsOn.getTime() - b.startsOn.getTime() || position.get(b.id)! - position.get(a.id)!);
  return { events: oldestFirst.map(toPublicEvent), more: total - rows.length };
}

/** The events a chart of this indicator shows: its own and those that concern every indicator, oldest first, at most INDICATOR_EVENTS_SHOWN. */
export async function eventsForIndicator(indicatorId: string): Promise<PublicEvent[]> {
  return (await getIndicatorEvents(indicatorId)).events;
}

/** Whether an indicator with this slug exists (the API tells a misspelt slug from an indicator without events). */
export async function indicatorExists(slug: string): Promise<boolean> {
  return (await getDb().indicator.count({ where: { slug } })) > 0;
}

/** Every indicator, in display order, for the events page's filter (each has at least the events that concern all). */
export async function listEventIndicatorChoices(): Promise<EventIndicatorRef[]> {
  return getDb().indicator.findMany({
    select: { slug: true, nameEs: true, nameEn: true },
    orderBy: [{ sortOrder: "asc" }, { slug: "asc" }],
  });
}

// API (/api/v1/events)

const toApiEvent = (row: EventRecord) => ({
  id: row.id,
  kind: row.kind,
  startsOn: isoDayOrNull(row.startsOn),
  endsOn: isoDayOrNull(row.endsOn),
  datePrecision: row.datePrecision,
  // `dateNote` is the English note, as before; `dateNotes` has both languages.
  dateNote: row.dateNoteEn,
  dateNotes: { es: row.dateNoteEs, en: row.dateNoteEn },
  title: { es: row.titleEs, en: row.titleEn },
  source: { url: row.source.url, publisher: row.source.publisher, class: row.source.sourceClass },
  appliesToAll: row.appliesToAll,
  indicators: row.indicators.map(({ indicator }) => indicator.slug),
});

/**
 * Dated events, oldest first, one page at a time; the cursor is the last event's (startsOn, id), like
 * the figures'. With an indicator's slug, its events and those that concern every indicator.
 */
export async function listApiEvents(
  filter: { from?: string; to?: string; kinds?: EventKind[]; indicatorSlug?: string },
  page: CursorPage<{ asOf: Date; id: string }>,
) {
  const { after } = page;
  const rows = await getDb().event.findMany({
    where: {
      AND: [
        { startsOn: { gte: filter.from ? fromIsoDay(filter.from) : undefined, lte: filter.to ? fromIsoDay(filter.to) : undefined } },
        filter.kinds ? { kind: { in: filter.kinds } } : {},
        filter.indicatorSlug ? ofIndicator({ slug: filter.indicatorSlug }) : {},
        after ? { OR: [{ startsOn: { gt: after.asOf } }, { startsOn: after.asOf, id: { gt: after.id } }] } : {},
      ],
    },
    select: eventSelect,
    orderBy: [{ startsOn: "asc" }, { id: "asc" }],
    take: page.limit + 1,
  });
  const shown = rows.slice(0, page.limit);
  const last = shown.at(-1);
  return {
    events: shown.map(toApiEvent),
    nextCursor: rows.length > page.limit && last ? encodeCursor({ asOf: last.startsOn, id: last.id }) : null,
  };
}

// Editor

export type EventRow = { id: string; kind: EventKind; startsOn: string; datePrecision: DatePrecision; titleEs: string; titleEn: string };

const eventRowSelect = {
  id: true,
  kind: true,
  startsOn: true,
  datePrecision: true,
  titleEs: true,
  titleEn: true,
} satisfies Prisma.EventSelect;

/** The editor's list of events, newest first: editors mostly add and fix recent events. */
export function listEventsForEditor(query: ListQuery): Promise<ListPage<EventRow>> {
  const where: Prisma.EventWhereInput = query.q ? { OR: [{ titleEs: contains(query.q) }, { titleEn: contains(query.q) }] } : {};
  return listPage(query, {
    count: () => getDb().event.count({ where }),
    rows: async (window) =>
      (
        await getDb().event.findMany({ where, select: eventRowSelect, orderBy: [{ startsOn: "desc" }, { createdAt: "desc" }], ...window })
      ).map((row) => ({ ...row, startsOn: isoDay(row.startsOn) })),
  });
}

const editableEventSelect = {
  ...eventSelect,
  version: true,
  source: { select: { url: true } },
  indicators: { select: { indicator: { select: { slug: true } } }, orderBy: { indicator: { slug: "asc" } } },
} satisfies Prisma.EventSelect;

/** An event as its edit form holds it (the schema's input), so saving an untouched form changes nothing. */
export const loadEvent = editableRecordLoader(
  (client: Tx, id) => client.event.findUnique({ where: { id }, select: editableEventSelect }),
  ({
    kind,
    startsOn,
    endsOn,
    datePrecision,
    dateNoteEs,
    dateNoteEn,
    titleEs,
    titleEn,
    source,
    appliesToAll,
    indicators,
  }): z.input<typeof ZEventInput> => ({
    kind,
    startsOn: isoDay(startsOn),
    endsOn: isoDayOrNull(endsOn),
    datePrecision,
    dateNote: dateNoteEn,
    dateNoteEs,
    titleEs,
    titleEn,
    sourceUrl: source.url,
    appliesToAll,
    indicatorSlugs: indicators.map(({ indicator }) => indicator.slug),
  }),
);

export const getEventForEdit = (id: string) => loadEvent(getDb(), id);
