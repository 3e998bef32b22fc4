import { fromIsoDay } from "../dates";
import { updateAtVersion } from "../db/optimistic-lock";
import { AppError } from "../errors";
import type { ReferenceWriter, Tx } from "../reference/record";
import type { ReferenceInput } from "../schemas/reference";
import { sourceIdFor } from "../sources/mutations";

// How an applied proposal writes an event and the indicators it concerns.

/** An event's row from its form; its source is found or added by address. */
const eventData = async (tx: Tx, input: ReferenceInput<"event">) => ({
  kind: input.kind,
  startsOn: fromIsoDay(input.startsOn),
  endsOn: input.endsOn ? fromIsoDay(input.endsOn) : null,
  datePrecision: input.datePrecision,
  dateNoteEn: input.dateNote,
  dateNoteEs: input.dateNoteEs,
  titleEs: input.titleEs,
  titleEn: input.titleEn,
  sourceId: await sourceIdFor(tx, input.sourceUrl),
  ...(input.appliesToAll === undefined ? {} : { appliesToAll: input.appliesToAll }),
});

/** The ids of the named indicators; an unknown slug refuses the whole proposal, naming it. */
async function indicatorIdsFor(tx: Tx, slugs: string[]): Promise<string[]> {
  const found = await tx.indicator.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true } });
  const unknown = slugs.filter((slug) => !found.some((row) => row.slug === slug));
  if (unknown.length) {
    throw new AppError(
      400,
      "unknown_indicator",
      `Unknown indicator${unknown.length > 1 ? "s" : ""}: ${unknown.map((s) => `"${s}"`).join(", ")}.`,
      {
        fields: [{ path: "data.indicatorSlugs", message: `Unknown indicator: ${unknown.join(", ")}.` }],
        params: { slug: unknown.join(", ") },
      },
    );
  }
  return found.map((row) => row.id);
}

/** Replaces the event's indicators with the proposal's list; a proposal without a list leaves them. */
async function relateIndicators(tx: Tx, eventId: string, input: ReferenceInput<"event">) {
  if (input.indicatorSlugs === undefined) return;
  const indicatorIds = await indicatorIdsFor(tx, input.indicatorSlugs);
  await tx.eventIndicator.deleteMany({ where: { eventId, indicatorId: { notIn: indicatorIds } } });
  await tx.eventIndicator.createMany({ data: indicatorIds.map((indicatorId) => ({ eventId, indicatorId })), skipDuplicates: true });
}

export const eventWriter: ReferenceWriter<"event"> = {
  update: async (tx, key, input, stale) => {
    await updateAtVersion(tx.event, key, await eventData(tx, input), stale);
    await relateIndicators(tx, key.id, input);
  },
  create: async (tx, input) => {
    const created = await tx.event.create({ data: await eventData(tx, input), select: { id: true } });
    await relateIndicators(tx, created.id, input);
    return created;
  },
  check: async (tx, input) => void (input.indicatorSlugs && (await indicatorIdsFor(tx, input.indicatorSlugs))),
};
