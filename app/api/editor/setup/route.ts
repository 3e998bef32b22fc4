import { handlePublicMutation } from "@/lib/api/mutation";
import { jsonResponse } from "@/lib/api/respond";
import { createSession, sessionCookie } from "@/lib/auth/session";
import { ZFirstAdmin } from "@/lib/schemas/user";
import { createFirstAdmin } from "@/lib/users";

// POST /api/editor/setup – create the first admin; refused once any user exists
export function POST(request: Request) {
  return handlePublicMutation(request, ZFirstAdmin, async (input) => {
    const admin = await createFirstAdmin(input);
    const { token, expiresAt } = await createSession(admin.id);
    return jsonResponse({ data: { id: admin.id, role: admin.role } }, { status: 201, headers: { "set-cookie": sessionCookie(token, expiresAt) } });
  });
}
