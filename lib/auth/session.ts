import { getDb } from "../db/client";
import type { Role } from "../generated/prisma/client";
import { hashSecret, newSecret } from "./tokens";

export const SESSION_COOKIE = "contraste_session";
const SESSION_HOURS = 12;

export type SessionUser = { id: string; email: string; displayName: string; role: Role };

function readCookie(request: Request, name: string): string | null {
  const header = request.headers.get("cookie") ?? "";
  for (const part of header.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key !== name) continue;
    try {
      return decodeURIComponent(rest.join("="));
    } catch {
      return null; // malformed percent-encoding ("%E0%A4%A"): no session, not a server error
    }
  }
  return null;
}

export function readSessionToken(request: Request): string | null {
  return readCookie(request, SESSION_COOKIE);
}

/** Starts a new session (a fresh token at every sign-in, so a planted cookie is never promoted). */
export async function createSession(userId: string): Promise<{ token: string; expiresAt: Date }> {
  const { secret, hash } = newSecret("cs_");
  const expiresAt = new Date(Date.now() + SESSION_HOURS * 3_600_000);
  await getDb().session.create({ data: { id: hash, userId, expiresAt } });
  return { token: secret, expiresAt };
}

export async function getSessionUser(token: string | null): Promise<SessionUser | null> {
  if (!token) return null;
  const session = await getDb().session.findUnique({
    where: { id: hashSecret(token) },
    select: { expiresAt: true, user: { select: { id: true, email: true, displayName: true, role: true, disabledAt: true } } },
  });
  if (!session || session.expiresAt <= new Date() || session.user.disabledAt) return null;
  const { id, email, displayName, role } = session.user;
  return { id, email, displayName, role };
}

export async function endSession(token: string | null): Promise<void> {
  if (token) await getDb().session.deleteMany({ where: { id: hashSecret(token) } });
}

export async function endAllSessions(userId: string): Promise<void> {
  await getDb().session.deleteMany({ where: { userId } });
}

const secureFlag = () => (process.env.NODE_ENV === "production" && process.env.CONTRASTE_INSECURE_COOKIES !== "1" ? "; Secure" : "");

export function sessionCookie(token: string, expiresAt: Date): string {
  return `${SESSION_COOKIE}=${encodeURIComponent(token)}; Path=/; HttpOnly; SameSite=Lax; Expires=${expiresAt.toUTCString()}${secureFlag()}`;
}

export function clearedSessionCookie(): string {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0${secureFlag()}`;
}
