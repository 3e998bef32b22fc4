import { handleMutation } from "@/lib/api/mutation";
import { ZUserAccessChange } from "@/lib/schemas/user";
import { changeUserAccess } from "@/lib/users/user-access";

type Context = { params: Promise<{ id: string }> };

// PATCH /api/editor/users/[id] – an admin changes a user's role, or deactivates (ending every session
// of theirs) or reactivates them; the last active admin is never demoted or deactivated
export async function PATCH(request: Request, { params }: Context) {
  const { id } = await params;
  return handleMutation(request, { schema: ZUserAccessChange, run: (change, actor) => changeUserAccess(actor, id, change) });
}
