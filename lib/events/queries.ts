import "server-only";
import type { z } from "zod";
import { getDb } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import { isoDay, isoDayOrNull, fromIsoDay } from "../dates";
import { encodeCursor } from "../public-api/observations";
import type { CursorPage } from "../public-api/paging";
import { contains, listPage, type ListPage, type ListQuery } from "../reference/list-page";
import { editableRecordLoader, type Tx } from "../reference/record";
import type { DatePrecision, EventKind } from "../schemas/enums";
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
  dateNote: true,
  titleEs: true,
  titleEn: true,
  source: { select: { url: true, publisher: true } },
} satisfies Prisma.EventSelect;

type EventRecord = Prisma.EventGetPayload<{ select: typeof eventSelect }>;

// Public

export type PublicEvent = {
  id: string;
  kind: EventKind;
  startsOn: string;
  endsOn: string | null;
  datePrecision: DatePrecision;
  dateNote: string | null;
  titleEs: string;
  titleEn: string;
  source: { url: string; publisher: string | null };
};

const toPublicEvent = (row: EventRecord): PublicEvent => ({ ...row, startsOn: isoDay(row.startsOn), endsOn: isoDayOrNull(row.endsOn) });

/** Every dated event, oldest first. */
export async function listEvents(): Promise<PublicEvent[]> {
  const rows = await getDb().event.findMany({ select: eventSelect, orderBy: [{ startsOn: "asc" }, { createdAt: "asc" }] });
  return rows.map(toPublicEvent);
}

// API (/api/v1/events)

const toApiEvent = (row: EventRecord) => ({
  id: row.id,
  kind: row.kind,
  startsOn: isoDayOrNull(row.startsOn),
  endsOn: isoDayOrNull(row.endsOn),
  datePrecision: row.datePrecision,
  dateNote: row.dateNote,
  title: { es: row.titleEs, en: row.titleEn },
  source: row.source,
});

/** Dated events, oldest first, one page at a time; the cursor is the last event's (startsOn, id), like the figures'. */
export async function listApiEvents(
  filter: { from?: string; to?: string; kinds?: EventKind[] },
  page: CursorPage<{ asOf: Date; id: string }>,
) {
  const { after } = page;
  const rows = await getDb().event.findMany({
    where: {
      startsOn: { gte: filter.from ? fromIsoDay(filter.from) : undefined, lte: filter.to ? fromIsoDay(filter.to) : undefined },
      ...(filter.kinds ? { kind: { in: filter.kinds } } : {}),
      ...(after ? { OR: [{ startsOn: { gt: after.asOf } }, { startsOn: after.asOf, id: { gt: after.id } }] } : {}),
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

const editableEventSelect = { ...eventSelect, version: true, source: { select: { url: true } } } satisfies Prisma.EventSelect;

/** An event as its edit form holds it (the schema's input), so saving an untouched form changes nothing. */
export const loadEvent = editableRecordLoader(
  (client: Tx, id) => client.event.findUnique({ where: { id }, select: editableEventSelect }),
  ({ kind, startsOn, endsOn, datePrecision, dateNote, titleEs, titleEn, source }): z.input<typeof ZEventInput> => ({
    kind,
    startsOn: isoDay(startsOn),
    endsOn: isoDayOrNull(endsOn),
    datePrecision,
    dateNote,
    titleEs,
    titleEn,
    sourceUrl: source.url,
  }),
);

export const getEventForEdit = (id: string) => loadEvent(getDb(), id);
