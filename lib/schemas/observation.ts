import { z } from "zod";
import { isRealIsoDay } from "../dates";
import { ZDatePrecision, ZProducerType, ZQualifier } from "./enums";

// One schema for the editor form, the server routes and the token API.

export const ZRealDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date as YYYY-MM-DD.")
  .refine(isRealIsoDay, "This date does not exist.");

export const ZDecimalText = z
  .string()
  .trim()
  .regex(/^-?\d{1,20}(\.\d{1,10})?$/, "Write the number as the source gives it, with a dot for decimals (e.g. 10.4).");

export const ZObservationInput = z
  .object({
    indicatorSlug: z.string().trim().min(1, "Choose an indicator."),
    value: ZDecimalText.describe('Decimal text, e.g. "10.4"'),
    valueMax: ZDecimalText.nullish(),
    qualifier: ZQualifier.default("exact"),
    asOf: ZRealDay,
    datePrecision: ZDatePrecision,
    producer: z.object({
      name: z.string().trim().min(1, "Name who produced the figure.").max(300),
      // No default anywhere: an NGO's figure must not go out as official because nobody chose.
      type: z.enum(ZProducerType.options, { error: "Choose the producer's type." }),
    }),
    source: z.object({
      url: z.url({ protocol: /^https?$/, error: "Give the source's web address (http or https)." }).max(2000),
      publisher: z.string().trim().min(1, "Name the publisher or outlet.").max(300),
      publishedAt: ZRealDay.nullish(),
    }),
    attribution: z.string().trim().max(500).nullish(),
    noteEn: z.string().trim().max(4000).nullish(),
    noteEs: z.string().trim().max(4000).nullish(),
  })
  .superRefine((input, ctx) => {
    if (input.valueMax && Number(input.valueMax) < Number(input.value)) {
      ctx.addIssue({ code: "custom", path: ["valueMax"], message: "The upper end must not be below the value." });
    }
    if (input.datePrecision === "month" && !input.asOf.endsWith("-01")) {
      ctx.addIssue({ code: "custom", path: ["asOf"], message: "For a month, give its first day (YYYY-MM-01)." });
    }
    if (input.datePrecision === "year" && !input.asOf.endsWith("-01-01")) {
      ctx.addIssue({ code: "custom", path: ["asOf"], message: "For a year, give its first day (YYYY-01-01)." });
    }
  });

export type TObservationInput = z.infer<typeof ZObservationInput>;

export const ZReason = z.string().trim().min(5, "Say why, in a sentence (at least 5 characters).").max(2000);

export const ZUpdateObservation = z.object({
  version: z.number().int().positive(),
  observation: ZObservationInput,
  reason: ZReason.nullish(),
});

export const ZPublishObservation = z.object({ version: z.number().int().positive() });

export const ZRetractObservation = z.object({ version: z.number().int().positive(), reason: ZReason });
