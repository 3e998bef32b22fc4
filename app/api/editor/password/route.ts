import { handleMutation } from "@/lib/api/mutation";
import { forgetOtherDevices } from "@/lib/auth/devices";
import { ZPasswordChange } from "@/lib/schemas/user";
import { changePassword } from "@/lib/users/users";

// POST /api/editor/password – change one's own password (ends every session of the account, and every
// other browser loses its standing as a known device)
export function POST(request: Request) {
  return handleMutation(request, {
    schema: ZPasswordChange,
    run: async ({ currentPassword, newPassword }, actor) => {
      await changePassword(actor, currentPassword, newPassword);
      if (actor.kind === "user") await forgetOtherDevices(actor.user.id, request);
      return { changed: true };
    },
  });
}
