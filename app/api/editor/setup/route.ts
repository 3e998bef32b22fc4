import { handlePublicMutation } from "@/lib/api/mutation";
import { jsonResponse } from "@/lib/api/respond";
import { staffHintCookie } from "@/lib/auth/cookies";
import { rememberDevice } from "@/lib/auth/devices";
import { createSession, sessionCookie } from "@/lib/auth/session";
import { ZFirstAdmin } from "@/lib/schemas/user";
import { createFirstAdmin } from "@/lib/users/users";

// POST /api/editor/setup – create the first admin; refused once any user exists
export function POST(request: Request) {
  return handlePublicMutation(request, ZFirstAdmin, async (input) => {
    const admin = await createFirstAdmin(input);
    const { token, expiresAt } = await createSession(admin.id);
    const headers = new Headers();
    headers.append("set-cookie", sessionCookie(token, expiresAt));
    headers.append("set-cookie", staffHintCookie(expiresAt));
    // The browser that set Contraste up is the first admin's known device (lib/auth/devices.ts).
    headers.append("set-cookie", await rememberDevice(admin.id, null));
    return jsonResponse({ data: { id: admin.id, role: admin.role } }, { status: 201, headers });
  });
}
