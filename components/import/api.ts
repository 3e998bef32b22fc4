import { z } from "zod";
import { ApiError, callApi, callApiWithProgress, type UploadProgress } from "@/lib/client/api";
import type { ZImportRequest } from "@/lib/csv-import/fields";

// The browser side of /api/editor/imports: the check as a plain call, the import with upload progress.

export type ImportRequest = z.input<typeof ZImportRequest>;
export type { UploadProgress };

const ZRowError = z.object({
  row: z.number(),
  column: z.string(),
  message: z.string(),
  /** What is wrong, for the page to say in its language (components/import/row-problem-text.ts). */
  code: z.string().optional(),
  values: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type RowError = z.infer<typeof ZRowError>;

const ZSampleRow = z.object({
  row: z.number(),
  indicatorSlug: z.string(),
  value: z.string(),
  valueMax: z.string().nullish(),
  qualifier: z.string(),
  asOf: z.string(),
  datePrecision: z.string(),
  producer: z.object({ name: z.string(), type: z.string() }),
  source: z.object({ url: z.string(), publisher: z.string() }),
});
export type SampleRow = z.infer<typeof ZSampleRow>;

const ZFigureFacts = z.object({
  value: z.string(),
  valueMax: z.string().nullable(),
  qualifier: z.string(),
  sourceUrl: z.string(),
  publisher: z.string(),
});

/** A row of the file beside the stored figure of the same indicator, producer and period (lib/csv-import/conflicts.ts). */
const ZConflict = z.object({
  row: z.number(),
  indicator: z.string(),
  producer: z.string(),
  asOf: z.string(),
  datePrecision: z.string(),
  outcome: z.enum(["correction", "set_aside"]),
  code: z.string().nullable(),
  file: ZFigureFacts,
  stored: ZFigureFacts.extend({ id: z.string(), status: z.enum(["draft", "published"]) }),
});
export type Conflict = z.infer<typeof ZConflict>;

/** What summarize() in lib/csv-import/run-import.ts answers; `valid` counts new rows only, `corrections` the proposed corrections. */
export const ZImportSummary = z.object({
  totalRows: z.number(),
  skipped: z.number().default(0),
  valid: z.number(),
  corrections: z.number().default(0),
  duplicates: z.number(),
  errorCount: z.number(),
  invalidRows: z.number(),
  problemsByColumn: z.array(z.object({ column: z.string(), count: z.number() })),
  /** The first problems only (the server lists at most 100); errorCount counts them all. */
  errors: z.array(ZRowError),
  /** Conflicts counted in full, the first hundred listed side by side. */
  conflicts: z
    .object({ total: z.number(), setAside: z.number(), listed: z.array(ZConflict) })
    .default({ total: 0, setAside: 0, listed: [] }),
  sample: z.array(ZSampleRow),
});
export type ImportSummary = z.infer<typeof ZImportSummary>;

/** A rejected row and all its reasons (lib/csv-import/rejected-rows.ts). */
const ZRejectedRow = z.object({ row: z.number(), reasons: z.array(ZRowError.omit({ row: true })) });
export type RejectedRow = z.infer<typeof ZRejectedRow>;

/** What commitImport() answers: `rejectedRows` lists the first 10,000 of the `rejected` rows. */
const ZImportResult = z.object({
  created: z.number(),
  corrections: z.number(),
  duplicates: z.number(),
  rejected: z.number(),
  totalRows: z.number(),
  batchId: z.string().nullable(),
  rejectedRows: z.array(ZRejectedRow),
});
export type ImportResult = z.infer<typeof ZImportResult>;

export const previewImport = (body: ImportRequest) => callApi("POST", "/api/editor/imports/preview", ZImportSummary, body);

/** POST /api/editor/imports, reporting upload progress, then "processing" while the server writes. */
export const commitImport = (body: ImportRequest, onProgress: (progress: UploadProgress) => void) =>
  callApiWithProgress("/api/editor/imports", ZImportResult, body, onProgress);

/** The summary a refused import carries (400 invalid_rows), to show like a check's. */
export function refusedSummary(error: unknown): ImportSummary | null {
  if (!(error instanceof ApiError) || error.code !== "invalid_rows") return null;
  const parsed = ZImportSummary.safeParse(error.details);
  return parsed.success ? parsed.data : null;
}
