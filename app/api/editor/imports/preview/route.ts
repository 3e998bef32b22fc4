import { handleMutation } from "@/lib/api/mutation";
import { previewImport } from "@/lib/csv-import/run-import";
import { IMPORT_BODY_LIMIT_BYTES, ZImportRequest } from "@/lib/csv-import/fields";

// POST /api/editor/imports/preview – validate a CSV: totals, problem counts and the first problems; writes nothing.
// The body is the import's own (file, mapping, fixed values, reading options), so the check reads the file as the import will.
export function POST(request: Request) {
  return handleMutation(request, {
    schema: ZImportRequest,
    maxBodyBytes: IMPORT_BODY_LIMIT_BYTES,
    run: (body, actor) => previewImport(actor, body),
  });
}
