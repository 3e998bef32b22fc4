import { z } from "zod";
import { ApiError, callApi } from "@/components/editor/api";
import type { ColumnMapping } from "@/lib/csv-import/fields";

// The browser side of /api/editor/imports: the check with fetch, the import with XMLHttpRequest,
// the only browser API that reports how much of a large body has been sent.

export type ImportRequest = { csv: string; mapping: ColumnMapping };

const ZRowError = z.object({ row: z.number(), column: z.string(), message: z.string() });
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

const ZImportResult = z.object({ created: z.number(), duplicates: z.number(), totalRows: z.number() });
export type ImportResult = z.infer<typeof ZImportResult>;

const ZErrorBody = z.object({ error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }) });

export const previewImport = (body: ImportRequest) => callApi("POST", "/api/editor/imports/preview", ZImportSummary, body);

export type UploadProgress = { phase: "uploading"; fraction: number } | { phase: "processing" };

/** POST /api/editor/imports, reporting upload progress, then "processing" while the server writes. */
export function commitImport(body: ImportRequest, onProgress: (progress: UploadProgress) => void): Promise<ImportResult> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/editor/imports");
    xhr.setRequestHeader("content-type", "application/json");
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress({ phase: "uploading", fraction: event.loaded / event.total });
    };
    xhr.upload.onload = () => onProgress({ phase: "processing" });
    xhr.onerror = () => reject(new ApiError(0, "network", "The server could not be reached."));
    xhr.onload = () => {
      let payload: unknown = null;
      try {
        payload = JSON.parse(xhr.responseText);
      } catch {
        // Not JSON: reported below as not understood.
      }
      if (xhr.status < 200 || xhr.status >= 300) {
        const parsed = ZErrorBody.safeParse(payload);
        if (!parsed.success) return reject(new ApiError(xhr.status, "internal_error", xhr.statusText));
        const { code, message, details } = parsed.data.error;
        return reject(new ApiError(xhr.status, code, message, details));
      }
      const data = z.object({ data: ZImportResult }).safeParse(payload);
      if (!data.success) return reject(new ApiError(xhr.status, "internal_error", "The server's answer was not understood."));
      resolve(data.data.data);
    };
    xhr.send(JSON.stringify(body));
  });
}

/** The summary a refused import carries (400 invalid_rows), to show like a check's. */
export function refusedSummary(error: unknown): ImportSummary | null {
  if (!(error instanceof ApiError) || error.code !== "invalid_rows") return null;
  const parsed = ZImportSummary.safeParse(error.details);
  return parsed.success ? parsed.data : null;
}
