import { handlePublicMutation } from "@/lib/api/mutation";
import { jsonResponse } from "@/lib/api/respond";
import { ZPasswordReset } from "@/lib/schemas/user";
import { resetPassword } from "@/lib/users/password-resets";

// POST /api/editor/password-reset – whoever holds a reset link sets the account's new password, once;
// every session of the account ends
export function POST(request: Request) {
  return handlePublicMutation(request, ZPasswordReset, async ({ token, password }) => {
    await resetPassword(token, password);
    return jsonResponse({ data: { reset: true } });
  });
}
