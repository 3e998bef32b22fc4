import { z } from "zod";
import { isRealIsoDay } from "../dates";
import {
  DATE_PRECISIONS,
  type DatePrecision,
  INDICATOR_SLUG_PATTERN,
  PRODUCER_TYPES,
  ZEventKind,
  ZIndicatorTheme,
  ZValueKind,
} from "../schemas/enums";

// The format of prisma/data/el-salvador-indicators.json (see its `meta` block). Objects are strict:
// a field this schema does not know would otherwise be dropped on the way into the database.

export const ZIsoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date as YYYY-MM-DD")
  .refine(isRealIsoDay, "not a real calendar date");
const ZYear = z.string().regex(/^\d{4}$/, "expected a year as YYYY");
const ZYearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "expected a month as YYYY-MM");
const ZDayOrYear = z.union([ZIsoDay, ZYear], { error: "expected YYYY-MM-DD or YYYY" });

export const ZDatasetProducerType = z.enum(PRODUCER_TYPES);
export const ZDatasetQualifier = z.enum(["at least", "more than", "nearly", "about", "up to"]);
export const ZDatasetPrecision = z.enum(DATE_PRECISIONS);
const ZHttpUrl = z.url({ protocol: /^https?$/, error: "expected an http(s) URL" });
const ZText = z.string().trim().min(1, "must not be empty");

// A month-precision date keeps the year in `date` and the month in `dateApprox` (dataset convention).
function checkDateShape(record: { date: string; dateApprox?: string; datePrecision: DatePrecision }, ctx: z.RefinementCtx) {
  const isYear = /^\d{4}$/.test(record.date);
  if (record.datePrecision === "day" && isYear) {
    ctx.addIssue({ code: "custom", path: ["date"], message: "day precision needs a YYYY-MM-DD date" });
  }
  if (record.datePrecision !== "day" && !isYear) {
    ctx.addIssue({ code: "custom", path: ["date"], message: `${record.datePrecision} precision needs a YYYY date` });
  }
  if (record.datePrecision === "month") {
    if (!record.dateApprox?.startsWith(`${record.date}-`)) {
      ctx.addIssue({ code: "custom", path: ["dateApprox"], message: "month precision needs dateApprox YYYY-MM within date's year" });
    }
  } else if (record.dateApprox !== undefined) {
    ctx.addIssue({ code: "custom", path: ["dateApprox"], message: "dateApprox is only for month precision" });
  }
}

export const ZDatasetFraming = z.strictObject({
  actor: ZText,
  actorType: ZDatasetProducerType,
  summary_en: ZText,
  summary_es: ZText,
  sourceUrl: ZHttpUrl,
});

export const ZDatasetIndicator = z.strictObject({
  slug: z.string().regex(INDICATOR_SLUG_PATTERN, "expected lowercase letters, digits and underscores"),
  name_en: ZText,
  name_es: ZText,
  unit: ZText,
  description_en: ZText,
  description_es: ZText,
  framing: z.array(ZDatasetFraming),
});

export const ZDatasetObservation = z
  .strictObject({
    indicator: ZText,
    date: ZDayOrYear,
    dateApprox: ZYearMonth.optional(),
    datePrecision: ZDatasetPrecision,
    value: z.number({ error: "expected a number" }).finite(),
    valueMax: z.number().finite().optional(),
    qualifier: ZDatasetQualifier.optional(),
    sourceType: ZDatasetProducerType,
    publisher: ZText,
    sourceUrl: ZHttpUrl,
    publishedAt: ZIsoDay.nullable(),
    note: z.string(),
    note_es: z.string(),
  })
  .superRefine((record, ctx) => {
    checkDateShape(record, ctx);
    if (record.valueMax !== undefined && record.valueMax < record.value) {
      ctx.addIssue({ code: "custom", path: ["valueMax"], message: "the upper end of a range must not be below value" });
    }
  });

export const ZDatasetEvent = z
  .strictObject({
    date: ZDayOrYear,
    dateApprox: ZYearMonth.optional(),
    datePrecision: ZDatasetPrecision,
    dateNote: z.string().optional(),
    title_en: ZText,
    title_es: ZText,
    sourceUrl: ZHttpUrl,
  })
  .superRefine(checkDateShape);

export const ZDataset = z
  .strictObject({
    meta: z.object({ compiled: ZIsoDay }).loose(),
    indicators: z.array(ZDatasetIndicator),
    observations: z.array(ZDatasetObservation),
    events: z.array(ZDatasetEvent),
  })
  .superRefine((dataset, ctx) => {
    const slugs = new Set<string>();
    dataset.indicators.forEach((indicator, index) => {
      if (slugs.has(indicator.slug)) {
        ctx.addIssue({ code: "custom", path: ["indicators", index, "slug"], message: `duplicate slug "${indicator.slug}"` });
      }
      slugs.add(indicator.slug);
    });
    dataset.observations.forEach((observation, index) => {
      if (!slugs.has(observation.indicator)) {
        ctx.addIssue({
          code: "custom",
          path: ["observations", index, "indicator"],
          message: `unknown indicator "${observation.indicator}"`,
        });
      }
    });
  });

export type TDataset = z.infer<typeof ZDataset>;
export type TDatasetObservation = z.infer<typeof ZDatasetObservation>;
export type TDatasetEvent = z.infer<typeof ZDatasetEvent>;

export const ZCuration = z.strictObject({
  about: z.string(),
  indicators: z.array(
    z.strictObject({
      slug: z.string(),
      unitEs: z.string().min(1),
      theme: ZIndicatorTheme,
      valueKind: ZValueKind,
    }),
  ),
  events: z.array(
    z.strictObject({
      date: z.string(),
      title_en: z.string(),
      kind: ZEventKind,
      // The indicators the event concerns, by slug; "all" for one that concerns every indicator.
      indicators: z.union([z.literal("all"), z.array(z.string()).min(1, 'name at least one indicator, or "all"')]),
      // The Spanish version of the dataset's (English) dateNote: Contraste's own note, translated.
      dateNote_es: z.string().trim().min(1).optional(),
    }),
  ),
});

export type TCuration = z.infer<typeof ZCuration>;
