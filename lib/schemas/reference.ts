import { z } from "zod";
import { NEW_INDICATOR_SLUG_PATTERN, ZDatePrecision, ZEventKind, ZIndicatorTheme, ZProducerType, ZSourceClass, ZValueKind } from "./enums";
import { ZRealDay, ZReason } from "./observation";

// Sources, producers, framings, events and indicators: readers see them, so like figures they
// change through a second person. An edit or a new record is a proposal with a reason; a reviewer
// or admin who did not propose it applies it, and the change log shows it with that reason.

const text = (max: number, message = "This field is required.") => z.string().trim().min(1, message).max(max);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((value) => value || null);
const webAddress = z.url({ protocol: /^https?$/, error: "Give a web address (http or https)." }).max(2000);

const RELOAD = "Reload the page and try again.";
/** The record's version the editor saw; a different one means someone else saved in between (409), as for figures. */
export const ZSeenVersion = z.object({ version: z.number({ error: RELOAD }).int(RELOAD).positive(RELOAD) });

export const ZSourceInput = z.object({
  url: webAddress,
  publisher: text(300, "Name the publisher or outlet."),
  publishedAt: ZRealDay.nullish().transform((value) => value || null),
  archivedUrl: webAddress
    .nullish()
    .or(z.literal(""))
    .transform((value) => value || null),
  // primary, press or secondary (lib/schemas/enums.ts). Absent (a proposal written before sources had
  // a class) leaves the class as it is; a changed class is then recorded as set by staff.
  sourceClass: ZSourceClass.optional(),
});

export const ZProducerInput = z.object({ name: text(300, "Name the producer."), type: ZProducerType });

export const ZFramingInput = z.object({
  indicatorSlug: text(100, "Choose an indicator."),
  producer: ZProducerInput,
  sourceUrl: webAddress,
  summaryEs: text(4000, "Write the framing in Spanish."),
  summaryEn: text(4000, "Write the framing in English."),
});

export const ZEventInput = z
  .object({
    kind: ZEventKind,
    startsOn: ZRealDay,
    endsOn: ZRealDay.nullish().transform((value) => value || null),
    datePrecision: ZDatePrecision,
    // The note on the date in English (named before notes had two languages; stored proposals use it).
    dateNote: optionalText(1000),
    dateNoteEs: optionalText(1000),
    titleEs: text(500, "Write the title in Spanish."),
    titleEn: text(500, "Write the title in English."),
    sourceUrl: webAddress,
    // The indicators the event concerns, by slug (each must exist: checked when proposed and applied),
    // or every indicator. Absent (a proposal written before events had indicators) leaves them as they are.
    appliesToAll: z.boolean().optional(),
    indicatorSlugs: z
      .array(z.string().trim().min(1, "Choose an indicator.").max(100))
      .max(200)
      .transform((slugs) => [...new Set(slugs)].sort())
      .optional(),
  })
  .refine((event) => !event.endsOn || event.endsOn >= event.startsOn, { path: ["endsOn"], message: "The end cannot be before the start." })
  .refine((event) => !event.appliesToAll || !event.indicatorSlugs?.length, {
    path: ["indicatorSlugs"],
    message: "An event that concerns every indicator lists none; clear the list or the option.",
  });

export const ZIndicatorInput = z.object({
  slug: z.string().regex(NEW_INDICATOR_SLUG_PATTERN, "Use lowercase letters, digits and underscores."),
  nameEs: text(200),
  nameEn: text(200),
  descriptionEs: text(4000),
  descriptionEn: text(4000),
  unit: text(200),
  // Optional so that scripts written before it keep working; without it Spanish readers see `unit`.
  unitEs: optionalText(200),
  theme: ZIndicatorTheme,
  valueKind: ZValueKind,
});

export const REFERENCE_SCHEMAS = {
  source: ZSourceInput,
  producer: ZProducerInput,
  indicator: ZIndicatorInput,
  framing: ZFramingInput,
  event: ZEventInput,
} as const;
export type ReferenceEntity = keyof typeof REFERENCE_SCHEMAS;
export const REFERENCE_ENTITIES = Object.keys(REFERENCE_SCHEMAS) as ReferenceEntity[];
export type ReferenceInput<Entity extends ReferenceEntity> = z.infer<(typeof REFERENCE_SCHEMAS)[Entity]>;

/** Why the change is needed: readers see it in the public change log. */
export const ZReferenceReason = ZReason;

/** An edit of an existing record: the version the editor saw, the new values, and why. */
export const withSeenVersion = <Shape extends z.ZodType>(schema: Shape) =>
  z.object({ version: ZSeenVersion.shape.version, data: schema, reason: ZReferenceReason });

/** A new record: its values, and why. */
export const withReason = <Shape extends z.ZodType>(schema: Shape) => z.object({ data: schema, reason: ZReferenceReason });

export const ZRejectReferenceChange = z.object({ note: text(2000, "Tell the proposer why, in a sentence.") });

export const ZWithdrawReferenceChange = z.object({});
