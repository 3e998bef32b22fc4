import { IMPORT_TEMPLATE_CSV } from "@/lib/csv-import/template";

// GET /api/editor/imports/template – a CSV with the expected columns and one example row, which is
// never imported (its indicator is example_do_not_import); the indicators' slugs are in
// /api/editor/imports/indicators.csv
export function GET() {
  return new Response(IMPORT_TEMPLATE_CSV, {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": 'attachment; filename="contraste-import-template.csv"' },
  });
}
