import "server-only";
import { z } from "zod";
import { getDb } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import { isoDayOrNull } from "../dates";
import type { CursorPage } from "../public-api/paging";
import { contains, listPage, type ListPage, type ListQuery } from "../reference/list-page";
import { editableRecordLoader, type Tx } from "../reference/record";
import { ZSourceClass, type SourceClass, type SourceClassOrigin } from "../schemas/enums";
import type { ZSourceInput } from "../schemas/reference";

// Source documents (a report, a decree, an article): the API's pages and the editor's list and form.
// The sources page reads them by producer (lib/sources/producers.ts).

/** What a list shows of a source: its address, who published it and when. */
export const sourceRowSelect = { id: true, url: true, publisher: true, publishedAt: true } satisfies Prisma.SourceSelect;

// API (/api/v1/sources)

// A source is public once something public cites it: a published or retracted figure (retracted ones
// stay on show, marked), a framing or an event. A source that only drafts or superseded proposals cite
// is an editor's unfinished work: its URL and publisher are not for readers yet.
export const publicSource: Prisma.SourceWhereInput = {
  OR: [{ observations: { some: { status: { in: ["published", "retracted"] } } } }, { framings: { some: {} } }, { events: { some: {} } }],
};

// Sources are listed by URL (unique), so the cursor is the last URL shown.
export const encodeSourceCursor = (url: string) => Buffer.from(url).toString("base64url");
export function decodeSourceCursor(cursor: string): string | null {
  if (cursor.length > 4096) return null;
  const url = Buffer.from(cursor, "base64url").toString("utf8");
  // Only a cursor this API wrote reads back to itself; NUL could not reach PostgreSQL as text.
  if (!url || encodeSourceCursor(url) !== cursor || url.includes("\u0000")) return null;
  return url;
}

const apiSourceSelect = {
  ...sourceRowSelect,
  retrievedAt: true,
  archivedUrl: true,
  sourceClass: true,
  linkState: true,
  linkBrokenSince: true,
} satisfies Prisma.SourceSelect;

// The same fields, in the same words, as a figure's source (lib/observations/shapes.ts figureFacts).
const toApiSource = (source: Prisma.SourceGetPayload<{ select: typeof apiSourceSelect }>, figureCount: number) => ({
  url: source.url,
  publisher: source.publisher,
  publishedAt: isoDayOrNull(source.publishedAt),
  retrievedAt: isoDayOrNull(source.retrievedAt),
  class: source.sourceClass,
  archivedUrl: source.archivedUrl,
  brokenSince: source.linkState === "broken" ? isoDayOrNull(source.linkBrokenSince) : null,
  figureCount,
});

/** Public source documents by URL (of the given classes, when asked), one page at a time, with how many published figures each supports. */
export async function listApiSources(filter: { classes?: SourceClass[] }, page: CursorPage<string>) {
  const where: Prisma.SourceWhereInput[] = [
    publicSource,
    ...(filter.classes ? [{ sourceClass: { in: filter.classes } }] : []),
    ...(page.after ? [{ url: { gt: page.after } }] : []),
  ];
  const rows = await getDb().source.findMany({
    where: { AND: where },
    select: apiSourceSelect,
    orderBy: { url: "asc" },
    take: page.limit + 1,
  });
  const shown = rows.slice(0, page.limit);
  const counts = await getDb().observationTally.groupBy({
    by: ["sourceId"],
    where: { sourceId: { in: shown.map((source) => source.id) }, published: { gt: 0 } },
    _sum: { published: true },
  });
  const figures = new Map(counts.map((row) => [row.sourceId, row._sum.published ?? 0]));
  return {
    sources: shown.map((source) => toApiSource(source, figures.get(source.id) ?? 0)),
    nextCursor: rows.length > page.limit ? encodeSourceCursor(shown.at(-1)!.url) : null,
  };
}

// Editor

export type SourceRow = {
  id: string;
  url: string;
  publisher: string | null;
  publishedAt: string | null;
  sourceClass: SourceClass;
  /** Where the class came from: the domain table, a reviewed edit, or neither (no domain matched). */
  sourceClassOrigin: SourceClassOrigin;
};

/** `?class=` of the editor's sources list: one class, or every class when absent or malformed. */
export const ZSourceClassFilter = z
  .preprocess((value) => (Array.isArray(value) ? value[0] : value), ZSourceClass.optional())
  .catch(undefined);

/** The editor's list of sources, by address: those whose address or publisher contains the search, of one class if asked. */
export function listSourcesForEditor(query: ListQuery, sourceClass?: SourceClass): Promise<ListPage<SourceRow>> {
  const where: Prisma.SourceWhereInput = {
    ...(query.q ? { OR: [{ url: contains(query.q) }, { publisher: contains(query.q) }] } : {}),
    ...(sourceClass ? { sourceClass } : {}),
  };
  return listPage(query, {
    count: () => getDb().source.count({ where }),
    rows: async (window) =>
      (
        await getDb().source.findMany({
          where,
          select: { ...sourceRowSelect, sourceClass: true, sourceClassOrigin: true },
          orderBy: { url: "asc" },
          ...window,
        })
      ).map((row) => ({ ...row, publishedAt: isoDayOrNull(row.publishedAt) })),
  });
}

const editableSourceSelect = { ...sourceRowSelect, version: true, archivedUrl: true, sourceClass: true } satisfies Prisma.SourceSelect;

/** A source as its edit form holds it (the schema's input), so saving an untouched form changes nothing. */
export const loadSource = editableRecordLoader(
  (client: Tx, id) => client.source.findUnique({ where: { id }, select: editableSourceSelect }),
  (row): z.input<typeof ZSourceInput> => ({
    url: row.url,
    publisher: row.publisher ?? "",
    publishedAt: isoDayOrNull(row.publishedAt),
    archivedUrl: row.archivedUrl,
    sourceClass: row.sourceClass,
  }),
);

export const getSourceForEdit = (id: string) => loadSource(getDb(), id);
