import { fromIsoDay } from "../dates";
import { updateAtVersion } from "../db/optimistic-lock";
import type { ReferenceWriter, Tx } from "../reference/record";
import type { SourceClass } from "../schemas/enums";
import type { ReferenceInput } from "../schemas/reference";
import { classColumns, proposeClassFor } from "./source-class";

// How an applied proposal writes a source or a producer. Neither is created by a proposal: they come
// with the figures that first cite them (reviewed as figures), or with a framing or an event.

/** The source at this address, added (with nothing else known of it) when none is stored yet. */
export async function sourceIdFor(tx: Tx, url: string) {
  const source = await tx.source.upsert({
    where: { url },
    create: { url, ...classColumns(await proposeClassFor(tx, url)) },
    update: {},
    select: { id: true },
  });
  return source.id;
}

/** The producer of this name and type, added when none is stored yet. */
export async function producerIdFor(tx: Tx, producer: ReferenceInput<"producer">) {
  return (await tx.producer.upsert({ where: { name_type: producer }, create: producer, update: {}, select: { id: true } })).id;
}

/**
 * A class the reviewed edit changes is the staff's from then on: the domain table proposes classes for
 * new sources only, so it never overrides it. An edit that leaves the class as it was keeps its origin.
 */
async function classChange(tx: Tx, id: string, sourceClass: SourceClass | undefined) {
  if (!sourceClass) return {};
  const current = await tx.source.findUnique({ where: { id }, select: { sourceClass: true } });
  return current && current.sourceClass !== sourceClass ? { sourceClass, sourceClassOrigin: "staff" as const } : {};
}

/**
 * A new address is a new page: what the link checker found at the old one no longer holds, so readers
 * stop seeing "link broken since …" and the next check (never-checked sources first) looks at it.
 */
async function linkHealthReset(tx: Tx, id: string, url: string) {
  const current = await tx.source.findUnique({ where: { id }, select: { url: true } });
  return current && current.url !== url
    ? { linkCheckedAt: null, linkState: null, linkStatusCode: null, linkError: null, linkRedirects: [], linkBrokenSince: null }
    : {};
}

export const sourceWriter: ReferenceWriter<"source"> = {
  update: async (tx, key, { sourceClass, ...input }, stale) =>
    updateAtVersion(
      tx.source,
      key,
      {
        ...input,
        publishedAt: input.publishedAt ? fromIsoDay(input.publishedAt) : null,
        ...(await classChange(tx, key.id, sourceClass)),
        ...(await linkHealthReset(tx, key.id, input.url)),
      },
      stale,
    ),
  duplicate: async (tx, id, input) =>
    (await tx.source.findFirst({ where: { url: input.url, NOT: { id: id ?? "" } }, select: { id: true } })) ? "url" : null,
};

export const producerWriter: ReferenceWriter<"producer"> = {
  update: (tx, key, input, stale) => updateAtVersion(tx.producer, key, input, stale),
  duplicate: async (tx, id, input) =>
    (await tx.producer.findFirst({ where: { name: input.name, type: input.type, NOT: { id: id ?? "" } }, select: { id: true } }))
      ? "name"
      : null,
};
