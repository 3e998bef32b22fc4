import { TEMPLATE_CSV } from "@/lib/csv-import/fields";

// GET /api/editor/imports/template – a CSV with the expected columns and one example row
export function GET() {
  return new Response(TEMPLATE_CSV, {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": 'attachment; filename="contraste-import-template.csv"' },
  });
}
