import "server-only";
import type { z } from "zod";
import { getDb } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import { isoDayOrNull } from "../dates";
import { contains, listPage, type ListPage, type ListQuery } from "../reference/list-page";
import { editableRecordLoader, type Tx } from "../reference/record";
import type { ProducerType } from "../schemas/enums";
import type { ZProducerInput } from "../schemas/reference";
import { sourceRowSelect } from "./queries";

// Producers (a ministry, an NGO, an outlet): the public sources page, and the editor's list and form.

const producerSelect = { id: true, name: true, type: true } satisfies Prisma.ProducerSelect;
/** Official figures' producers first, then by name. */
const producerOrder: Prisma.ProducerOrderByWithRelationInput[] = [{ type: "asc" }, { name: "asc" }];

// Public (/sources)

export type ProducerWithSources = {
  id: string;
  name: string;
  type: ProducerType;
  figureCount: number;
  documents: { url: string; publisher: string | null; publishedAt: string | null; figureCount: number }[];
};

/**
 * Every producer with the documents its published figures were read from, and how many figures each
 * supports. Producers are read only when a published figure names them: imports create thousands of
 * producers with their drafts, and those are neither public nor worth reading.
 */
export async function listProducersWithSources(): Promise<ProducerWithSources[]> {
  // The tally counts published figures per indicator, producer and source (kept by a trigger).
  const counts = await getDb().observationTally.groupBy({
    by: ["producerId", "sourceId"],
    where: { published: { gt: 0 } },
    _sum: { published: true },
  });
  const [producers, sources] = await Promise.all([
    getDb().producer.findMany({
      where: { id: { in: [...new Set(counts.map((row) => row.producerId))] } },
      select: producerSelect,
      orderBy: producerOrder,
    }),
    getDb().source.findMany({ where: { id: { in: [...new Set(counts.map((row) => row.sourceId))] } }, select: sourceRowSelect }),
  ]);
  const sourceById = new Map(sources.map((source) => [source.id, source]));
  const countsByProducer = new Map<string, typeof counts>();
  for (const row of counts) {
    const rows = countsByProducer.get(row.producerId);
    if (rows) rows.push(row);
    else countsByProducer.set(row.producerId, [row]);
  }
  return producers.map((producer) => {
    const documents = (countsByProducer.get(producer.id) ?? [])
      .map((row) => {
        const source = sourceById.get(row.sourceId)!;
        return {
          url: source.url,
          publisher: source.publisher,
          publishedAt: isoDayOrNull(source.publishedAt),
          figureCount: row._sum.published ?? 0,
        };
      })
      .sort((a, b) => b.figureCount - a.figureCount || a.url.localeCompare(b.url));
    return { ...producer, documents, figureCount: documents.reduce((sum, document) => sum + document.figureCount, 0) };
  });
}

// Editor

export type ProducerRow = { id: string; name: string; type: ProducerType };

/** The editor's list of producers, by type and name. */
export function listProducersForEditor(query: ListQuery): Promise<ListPage<ProducerRow>> {
  const where: Prisma.ProducerWhereInput = query.q ? { name: contains(query.q) } : {};
  return listPage(query, {
    count: () => getDb().producer.count({ where }),
    rows: (window) => getDb().producer.findMany({ where, select: producerSelect, orderBy: producerOrder, ...window }),
  });
}

/** A producer as its edit form holds it (the schema's input). */
export const loadProducer = editableRecordLoader(
  (client: Tx, id) => client.producer.findUnique({ where: { id }, select: { ...producerSelect, version: true } }),
  (row): z.input<typeof ZProducerInput> => ({ name: row.name, type: row.type }),
);

export const getProducerForEdit = (id: string) => loadProducer(getDb(), id);
