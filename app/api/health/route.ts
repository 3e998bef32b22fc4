export const dynamic = "force-dynamic";

// GET /api/health – the process is up (says nothing about the database; see /api/ready)
export function GET() {
  return Response.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
}
