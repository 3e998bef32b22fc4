import { z } from "zod";
import { handleMutation } from "@/lib/api/mutation";
import { revokeApiToken } from "@/lib/users/api-tokens";

type Context = { params: Promise<{ id: string }> };

// DELETE /api/editor/tokens/[id] – revoke an API token
export async function DELETE(request: Request, { params }: Context) {
  const { id } = await params;
  return handleMutation(request, { schema: z.object({}), run: (_input, actor) => revokeApiToken(actor, id) });
}
