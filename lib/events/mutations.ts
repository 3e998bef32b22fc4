import { fromIsoDay } from "../dates";
import { updateAtVersion } from "../db/optimistic-lock";
import type { ReferenceWriter, Tx } from "../reference/record";
import type { ReferenceInput } from "../schemas/reference";
import { sourceIdFor } from "../sources/mutations";

// How an applied proposal writes an event.

/** An event's row from its form; its source is found or added by address. */
const eventData = async (tx: Tx, input: ReferenceInput<"event">) => ({
  kind: input.kind,
  startsOn: fromIsoDay(input.startsOn),
  endsOn: input.endsOn ? fromIsoDay(input.endsOn) : null,
  datePrecision: input.datePrecision,
  dateNote: input.dateNote,
  titleEs: input.titleEs,
  titleEn: input.titleEn,
  sourceId: await sourceIdFor(tx, input.sourceUrl),
});

export const eventWriter: ReferenceWriter<"event"> = {
  update: async (tx, key, input, stale) => updateAtVersion(tx.event, key, await eventData(tx, input), stale),
  create: async (tx, input) => tx.event.create({ data: await eventData(tx, input), select: { id: true } }),
};
