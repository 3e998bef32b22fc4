import { importIndicatorsCsv } from "@/lib/csv-import/import-indicators";

export const dynamic = "force-dynamic";

// GET /api/editor/imports/indicators.csv – the indicators a file may name: slug, names and units in
// Spanish and English (public data, as on the indicator pages)
export async function GET() {
  return new Response(await importIndicatorsCsv(), {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": 'attachment; filename="contraste-indicators.csv"' },
  });
}
