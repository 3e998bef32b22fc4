import "server-only";
import type { z } from "zod";
import { getDb } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import { contains, listPage, type ListPage, type ListQuery } from "../reference/list-page";
import { editableRecordLoader, type Tx } from "../reference/record";
import type { ProducerType } from "../schemas/enums";
import type { ZProducerInput } from "../schemas/reference";

// Producers (a ministry, an NGO, an outlet): the editor's list and form. The public sources page reads
// them with their sources (lib/sources/source-overview.ts).

const producerSelect = { id: true, name: true, type: true } satisfies Prisma.ProducerSelect;
/** Official figures' producers first, then by name. */
const producerOrder: Prisma.ProducerOrderByWithRelationInput[] = [{ type: "asc" }, { name: "asc" }];

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
