import { handleMutation } from "@/lib/api/mutation";
import { previewImport } from "@/lib/csv-import/run-import";
import { ZImportRequest } from "@/lib/csv-import/fields";

// POST /api/editor/imports/preview – validate a CSV and list every invalid row; writes nothing
export function POST(request: Request) {
  return handleMutation(request, { schema: ZImportRequest, run: ({ csv, mapping }, actor) => previewImport(actor, csv, mapping) });
}
