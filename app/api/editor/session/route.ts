import { assertSameOrigin, handlePublicMutation } from "@/lib/api/mutation";
import { errorResponse, jsonResponse, toErrorResponse } from "@/lib/api/respond";
import { staffHintCookie } from "@/lib/auth/cookies";
import { knownDeviceFor, rememberDevice } from "@/lib/auth/devices";
import { clearedSessionCookie, createSession, endSession, readSessionToken, sessionCookie } from "@/lib/auth/session";
import { accountKey, addressKey, clearFailures, clientAddress, deviceKey, reserveAttempt } from "@/lib/auth/throttle";
import { ZSignIn } from "@/lib/schemas/user";
import { authenticate } from "@/lib/users/users";

const WRONG = "The email or the password is wrong.";

// POST /api/editor/session – sign in
export function POST(request: Request) {
  return handlePublicMutation(request, ZSignIn, async ({ email, password }) => {
    // A browser this account signed in on before is limited on its own, so others' failures do not lock it out.
    const device = await knownDeviceFor(request, email);
    const keys = [device ? deviceKey(device.id) : accountKey(email), addressKey(clientAddress(request))];
    const wait = await reserveAttempt(keys);
    if (wait > 0) {
      return errorResponse(429, "too_many_attempts", `Too many attempts. Try again in ${wait} s.`, undefined, {
        "retry-after": String(wait),
      });
    }
    const userId = await authenticate(email, password);
    if (!userId) return errorResponse(401, "invalid_credentials", WRONG);
    await clearFailures(keys);
    // A previous session cookie, if any, is ended: every sign-in starts a new session.
    await endSession(readSessionToken(request));
    const { token, expiresAt } = await createSession(userId);
    const headers = new Headers();
    headers.append("set-cookie", sessionCookie(token, expiresAt));
    headers.append("set-cookie", staffHintCookie(expiresAt));
    headers.append("set-cookie", await rememberDevice(userId, device));
    return jsonResponse({ data: { signedIn: true } }, { headers });
  });
}

// DELETE /api/editor/session – sign out (ends the session on the server; the device stays known)
export async function DELETE(request: Request) {
  try {
    assertSameOrigin(request);
    await endSession(readSessionToken(request));
    const headers = new Headers();
    headers.append("set-cookie", clearedSessionCookie());
    headers.append("set-cookie", staffHintCookie(null));
    return jsonResponse({ data: { signedIn: false } }, { headers });
  } catch (error) {
    return toErrorResponse(error);
  }
}
