import { handleMutation } from "@/lib/api/mutation";
import { ZPasswordChange } from "@/lib/schemas/user";
import { changePassword } from "@/lib/users";

// POST /api/editor/password – change one's own password (ends every session of the account)
export function POST(request: Request) {
  return handleMutation(request, {
    schema: ZPasswordChange,
    run: async ({ currentPassword, newPassword }, actor) => {
      await changePassword(actor, currentPassword, newPassword);
      return { changed: true };
    },
  });
}
