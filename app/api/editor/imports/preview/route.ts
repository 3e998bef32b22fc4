import { handleMutation } from "@/lib/api/mutation";
import { IMPORT_BODY_LIMIT_BYTES } from "@/lib/api/request-body";
import { previewImport } from "@/lib/csv-import/run-import";
import { ZImportRequest } from "@/lib/csv-import/fields";

// POST /api/editor/imports/preview – validate a CSV: totals, problem counts and the first problems; writes nothing
export function POST(request: Request) {
  return handleMutation(request, { schema: ZImportRequest, maxBodyBytes: IMPORT_BODY_LIMIT_BYTES, run: ({ csv, mapping }, actor) => previewImport(actor, csv, mapping) });
}
