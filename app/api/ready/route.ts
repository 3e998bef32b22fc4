import { checkReadiness } from "@/lib/db/readiness";

export const dynamic = "force-dynamic";

// GET /api/ready – 200 when the database is reachable and migrated, else 503 with Retry-After
export async function GET() {
  const readiness = await checkReadiness();
  return Response.json(readiness, {
    status: readiness.ready ? 200 : 503,
    headers: { "cache-control": "no-store", ...(readiness.ready ? {} : { "retry-after": "5" }) },
  });
}
