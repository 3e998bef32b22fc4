import { handleMutation } from "@/lib/api/mutation";
import { previewImport } from "@/lib/csv-import/run-import";
import { IMPORT_BODY_LIMIT_BYTES, ZImportRequest } from "@/lib/csv-import/fields";

// POST /api/editor/imports/preview – validate a CSV: totals, problem counts and the first problems; writes nothing
export function POST(request: Request) {
  return handleMutation(request, {
    schema: ZImportRequest,
    maxBodyBytes: IMPORT_BODY_LIMIT_BYTES,
    run: ({ csv, mapping }, actor) => previewImport(actor, csv, mapping),
  });
}
