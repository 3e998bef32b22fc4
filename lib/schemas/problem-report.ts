import { z } from "zod";
import { REPORT_MESSAGE_MAX, REPORT_MESSAGE_MIN } from "./problem-report-limits";
import { ZEmail } from "./user";

// One schema for the reader's form (with and without JavaScript), the public route and the staff's close form.

export { REPORT_MESSAGE_MAX, REPORT_MESSAGE_MIN };

// A plain HTML form sends an empty field as "": that is a field left out, not a bad value.
const optional = <Schema extends z.ZodType>(schema: Schema) =>
  z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), schema.optional());

/** A figure's id as the database writes them (cuid) or a seed wrote them; it also goes into a redirect's path. */
export const ZFigureId = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, "Not a figure's id.");

export const ZProblemReportInput = z.object({
  observationId: ZFigureId,
  message: z
    .string()
    .trim()
    .min(REPORT_MESSAGE_MIN, `Say what is wrong in at least ${REPORT_MESSAGE_MIN} characters.`)
    .max(REPORT_MESSAGE_MAX, `Keep it under ${REPORT_MESSAGE_MAX} characters.`),
  sourceUrl: optional(z.url({ protocol: /^https?$/, error: "Give a web address (http or https)." }).max(2000)),
  email: optional(ZEmail),
  // Left empty by people (it is hidden from them); a form-filling bot writes into it.
  website: z.string().max(2000).optional(),
});
export type TProblemReportInput = z.infer<typeof ZProblemReportInput>;

export const ZCloseProblemReport = z.object({
  note: z.string().trim().min(3, "Say how the report was dealt with.").max(2000),
});
export type TCloseProblemReport = z.infer<typeof ZCloseProblemReport>;

/** The staff list's filter: open reports (the default), closed ones, or every one, open first. */
export const REPORT_FILTERS = ["open", "closed", "all"] as const;
export type ReportFilter = (typeof REPORT_FILTERS)[number];
export const ZReportFilter = z.preprocess((value) => (Array.isArray(value) ? value[0] : value), z.enum(REPORT_FILTERS)).catch("open");
