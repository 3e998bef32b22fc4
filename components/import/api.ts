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

/** What summarize() in lib/csv-import/run-import.ts answers; `valid` counts new rows only. */
export const ZImportSummary = z.object({
  totalRows: z.number(),
  valid: z.number(),
  duplicates: z.number(),
  errorCount: z.number(),
  invalidRows: z.number(),
  problemsByColumn: z.array(z.object({ column: z.string(), count: z.number() })),
  /** The first problems only (the server lists at most 100); errorCount counts them all. */
  errors: z.array(ZRowError),
  sample: z.array(ZSampleRow),
});
export type ImportSummary = z.infer<typeof ZImportSummary>;

const ZImportResult = z.object({ created: z.number(), duplicates: z.number(), totalRows: z.number(), batchId: z.string() });
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
