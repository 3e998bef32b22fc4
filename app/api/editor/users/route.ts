import { handleMutation } from "@/lib/api/mutation";
import { ZNewUser } from "@/lib/schemas/user";
import { createUser } from "@/lib/users/users";

// POST /api/editor/users – an admin adds a user
export function POST(request: Request) {
  return handleMutation(request, { schema: ZNewUser, status: 201, run: (input, actor) => createUser(actor, input) });
}
