import { openApiDocument } from "@/lib/public-api/openapi";
import { preflight, publicJson } from "@/lib/public-api/respond";

// GET /api/v1/openapi.json – the OpenAPI 3.1 description of this API
export function GET(request: Request) {
  return publicJson(request, openApiDocument);
}

export const OPTIONS = preflight;
