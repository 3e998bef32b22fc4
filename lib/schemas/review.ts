import { z } from "zod";
import { ZReason } from "./observation";
import { isStorableText } from "./storable-text";

// What the review queue's actions accept: a batch publish of a selection or a whole import, a
// send-back with its comment, a discard with an optional reason.

/** A selection publishes at most this many drafts at once; a whole import batch goes by its id. */
export const SELECTION_MAX_DRAFTS = 5_000;
/** The largest import batch published in one transaction. */
export const BATCH_MAX_DRAFTS = 20_000;
export const SEND_BACK_NOTE_MAX = 2_000;

const ZId = z.string().trim().min(1).max(64).refine(isStorableText);
const ZVersion = z.number().int().positive();

/**
 * A selection names each draft with the version the reviewer saw; a batch names the import and the
 * stamp of its waiting drafts the reviewer saw (their count and latest change, see listReviewQueue),
 * so a draft edited, sent back or discarded since refuses the whole publish.
 */
export const ZPublishDrafts = z.union([
  z.object({
    drafts: z
      .array(z.object({ id: ZId, version: ZVersion }))
      .min(1)
      .max(SELECTION_MAX_DRAFTS),
  }),
  z.object({ importBatchId: ZId, stamp: z.string().max(80) }),
]);
export type TPublishDrafts = z.infer<typeof ZPublishDrafts>;

export const ZSendBack = z.object({
  version: ZVersion,
  note: z.string().trim().min(5, "Say what needs changing (at least 5 characters).").max(SEND_BACK_NOTE_MAX),
});

export const ZDiscard = z.object({ version: ZVersion, reason: ZReason.nullish() });

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);
// A NUL is refused by PostgreSQL with an error: such a filter is no filter.
const ZFilterText = z.preprocess(first, z.string().trim().min(1).max(200).refine(isStorableText).optional()).catch(undefined);

/** The review queue's filters, from its URL: anything malformed is no filter. */
export const ZReviewFilters = z.object({
  indicator: ZFilterText,
  producer: ZFilterText,
  author: ZFilterText,
  batch: ZFilterText,
  kind: z.preprocess(first, z.enum(["new", "correction"]).optional()).catch(undefined),
});
export type ReviewFilters = z.infer<typeof ZReviewFilters>;

const ZCount = z.preprocess(first, z.coerce.number().int().min(0).max(1_000_000)).catch(0);

/** The message after an action, from the address the action returned to (?done=…). */
export const ZReviewFlash = z
  .discriminatedUnion("done", [
    z.object({ done: z.literal("published"), published: ZCount, corrected: ZCount }),
    z.object({ done: z.literal("sent_back") }),
    z.object({ done: z.literal("discarded") }),
  ])
  .nullable()
  .catch(null);
export type ReviewFlashMessage = NonNullable<z.infer<typeof ZReviewFlash>>;

/** ?done= from a page's search parameters, arrays reduced to their first value. */
export const readReviewFlash = (searchParams: Record<string, string | string[] | undefined>) =>
  ZReviewFlash.parse(Object.fromEntries(Object.entries(searchParams).map(([key, value]) => [key, first(value)])));
