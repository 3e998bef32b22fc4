import "server-only";
import type { z } from "zod";
import { getDb } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import { contains, listPage, type ListPage, type ListQuery } from "../reference/list-page";
import { editableRecordLoader, type Tx } from "../reference/record";
import type { ProducerType, SourceClass } from "../schemas/enums";
import { isoDayOrNull } from "../dates";
import type { ZFramingInput } from "../schemas/reference";

// Framings (how a producer presents an indicator, in its own words): the indicator page, the API's
// indicator and the editor's list and form.

const producerOfFraming = { select: { name: true, type: true } } as const;

// Public

export type PublicFraming = {
  id: string;
  producer: { name: string; type: ProducerType };
  summaryEs: string;
  summaryEn: string;
  /** The source as every public page links it: with its class and, while the page is gone, its archived copy or the day it went missing. */
  source: { url: string; publisher: string | null; class: SourceClass; archivedUrl: string | null; brokenSince: string | null };
};

/** What the indicator's page and the API show of a framing. */
export const framingApiSelect = {
  summaryEs: true,
  summaryEn: true,
  producer: producerOfFraming,
  source: { select: { url: true, publisher: true } },
} satisfies Prisma.FramingSelect;

const framingPageSelect = {
  id: true,
  ...framingApiSelect,
  source: { select: { url: true, publisher: true, sourceClass: true, archivedUrl: true, linkState: true, linkBrokenSince: true } },
} satisfies Prisma.FramingSelect;

/** An indicator's framings, in the order its page shows them. */
export async function listFramings(indicatorId: string): Promise<PublicFraming[]> {
  const rows = await getDb().framing.findMany({ where: { indicatorId }, select: framingPageSelect, orderBy: { sortOrder: "asc" } });
  return rows.map(({ source: { sourceClass, linkState, linkBrokenSince, ...source }, ...framing }) => ({
    ...framing,
    source: { ...source, class: sourceClass, brokenSince: linkState === "broken" ? isoDayOrNull(linkBrokenSince) : null },
  }));
}

// API (inside /api/v1/indicators/{slug})

export const toApiFraming = (framing: Prisma.FramingGetPayload<{ select: typeof framingApiSelect }>) => ({
  producer: framing.producer,
  summary: { es: framing.summaryEs, en: framing.summaryEn },
  source: framing.source,
});

// Editor

export type FramingRow = {
  id: string;
  indicator: { slug: string; nameEs: string; nameEn: string };
  producer: { name: string; type: ProducerType };
  summaryEs: string;
  summaryEn: string;
};

/** The editor's list of framings, by indicator and in page order. */
export function listFramingsForEditor(query: ListQuery): Promise<ListPage<FramingRow>> {
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
  return listPage(query, {
    count: () => getDb().framing.count({ where }),
    rows: (window) =>
      getDb().framing.findMany({
        where,
        select: {
          id: true,
          summaryEs: true,
          summaryEn: true,
          indicator: { select: { slug: true, nameEs: true, nameEn: true } },
          producer: producerOfFraming,
        },
        orderBy: [{ indicator: { slug: "asc" } }, { sortOrder: "asc" }, { createdAt: "asc" }],
        ...window,
      }),
  });
}

const editableFramingSelect = {
  id: true,
  version: true,
  summaryEs: true,
  summaryEn: true,
  indicator: { select: { slug: true } },
  producer: producerOfFraming,
  source: { select: { url: true } },
} satisfies Prisma.FramingSelect;

/** A framing as its edit form holds it (the schema's input), so saving an untouched form changes nothing. */
export const loadFraming = editableRecordLoader(
  (client: Tx, id) => client.framing.findUnique({ where: { id }, select: editableFramingSelect }),
  (row): z.input<typeof ZFramingInput> => ({
    indicatorSlug: row.indicator.slug,
    producer: row.producer,
    sourceUrl: row.source.url,
    summaryEs: row.summaryEs,
    summaryEn: row.summaryEn,
  }),
);

export const getFramingForEdit = (id: string) => loadFraming(getDb(), id);
