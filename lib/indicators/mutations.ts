import { updateAtVersion } from "../db/optimistic-lock";
import { AppError } from "../errors";
import type { ReferenceWriter, Tx } from "../reference/record";
import type { ReferenceInput } from "../schemas/reference";
import { producerIdFor, sourceIdFor } from "../sources/mutations";

// How an applied proposal writes an indicator or a framing.

async function indicatorIdFor(tx: Tx, slug: string) {
  const indicator = await tx.indicator.findUnique({ where: { slug }, select: { id: true } });
  if (!indicator)
    throw new AppError(400, "unknown_indicator", `Unknown indicator "${slug}".`, {
      fields: [{ path: "data.indicatorSlug", message: "Unknown indicator." }],
      params: { slug },
    });
  return indicator.id;
}

export const indicatorWriter: ReferenceWriter<"indicator"> = {
  update: (tx, key, input, stale) => updateAtVersion(tx.indicator, key, input, stale),
  create: (tx, input) => tx.indicator.create({ data: input, select: { id: true } }),
  duplicate: async (tx, id, input) =>
    (await tx.indicator.findFirst({ where: { slug: input.slug, NOT: { id: id ?? "" } }, select: { id: true } })) ? "slug" : null,
};

/** A framing's row from its form: the indicator must exist; its producer and source are found or added. */
const framingData = async (tx: Tx, input: ReferenceInput<"framing">) => ({
  indicatorId: await indicatorIdFor(tx, input.indicatorSlug),
  producerId: await producerIdFor(tx, input.producer),
  sourceId: await sourceIdFor(tx, input.sourceUrl),
  summaryEs: input.summaryEs,
  summaryEn: input.summaryEn,
});

export const framingWriter: ReferenceWriter<"framing"> = {
  update: async (tx, key, input, stale) => updateAtVersion(tx.framing, key, await framingData(tx, input), stale),
  create: async (tx, input) => tx.framing.create({ data: await framingData(tx, input), select: { id: true } }),
  check: async (tx, input) => void (await indicatorIdFor(tx, input.indicatorSlug)),
};
