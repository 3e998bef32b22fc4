import { assertSameOrigin, handlePublicMutation } from "@/lib/api/mutation";
import { errorResponse, jsonResponse, toErrorResponse } from "@/lib/api/respond";
import { clearedSessionCookie, createSession, endSession, readSessionToken, sessionCookie } from "@/lib/auth/session";
import { accountKey, addressKey, clearFailures, clientAddress, recordFailure, secondsUntilAllowed } from "@/lib/auth/throttle";
import { ZSignIn } from "@/lib/schemas/user";
import { authenticate } from "@/lib/users";

const WRONG = "The email or the password is wrong.";

// POST /api/editor/session – sign in
export function POST(request: Request) {
  return handlePublicMutation(request, ZSignIn, async ({ email, password }) => {
    const keys = [accountKey(email), addressKey(clientAddress(request))];
    const wait = await secondsUntilAllowed(keys);
    if (wait > 0) {
      return errorResponse(429, "too_many_attempts", `Too many attempts. Try again in ${wait} s.`, undefined, { "retry-after": String(wait) });
    }
    const userId = await authenticate(email, password);
    if (!userId) {
      await recordFailure(keys);
      return errorResponse(401, "invalid_credentials", WRONG);
    }
    await clearFailures(keys);
    // A previous session cookie, if any, is ended: every sign-in starts a new session.
    await endSession(readSessionToken(request));
    const { token, expiresAt } = await createSession(userId);
    return jsonResponse({ data: { signedIn: true } }, { headers: { "set-cookie": sessionCookie(token, expiresAt) } });
  });
}

// DELETE /api/editor/session – sign out (ends the session on the server)
export async function DELETE(request: Request) {
  try {
    assertSameOrigin(request);
    await endSession(readSessionToken(request));
    return jsonResponse({ data: { signedIn: false } }, { headers: { "set-cookie": clearedSessionCookie() } });
  } catch (error) {
    return toErrorResponse(error);
  }
}
