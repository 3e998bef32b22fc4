import { handleMutation } from "@/lib/api/mutation";
import { createApiToken } from "@/lib/users/api-tokens";
import { ZNewApiToken } from "@/lib/schemas/user";

// POST /api/editor/tokens – an admin creates an API token (its secret is shown once)
export function POST(request: Request) {
  return handleMutation(request, { schema: ZNewApiToken, status: 201, run: ({ name }, actor) => createApiToken(actor, name) });
}
