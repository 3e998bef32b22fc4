import { handleMutation } from "@/lib/api/mutation";
import { commitImport } from "@/lib/csv-import/run-import";
import { IMPORT_BODY_LIMIT_BYTES, ZImportRequest } from "@/lib/csv-import/fields";

// POST /api/editor/imports – import a CSV as drafts (file, mapping, fixed values, reading options, as the check took them)
export function POST(request: Request) {
  return handleMutation(request, {
    schema: ZImportRequest,
    status: 201,
    maxBodyBytes: IMPORT_BODY_LIMIT_BYTES,
    run: (body, actor) => commitImport(actor, body),
  });
}
