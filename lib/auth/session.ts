import "server-only";
import { getDb } from "../db/client";
import type { Prisma, Role } from "../generated/prisma/client";
import { cookieName, readCookie, setCookieHeader } from "./cookies";
import { hashSecret, newSecret } from "./tokens";

/** The session cookie's name on plain http; production prefixes it with `__Host-` (lib/auth/cookies.ts). */
export const SESSION_COOKIE = "contraste_session";
const SESSION_HOURS = 12;

export type SessionUser = { id: string; email: string; displayName: string; role: Role };

export function readSessionToken(request: Request): string | null {
  return readCookie(request, cookieName(SESSION_COOKIE));
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

/** Every session of the account; inside a transaction when given one, so they end with the change that ends them. */
export async function endAllSessions(userId: string, db: Pick<Prisma.TransactionClient, "session"> = getDb()): Promise<number> {
  return (await db.session.deleteMany({ where: { userId } })).count;
}

export function sessionCookie(token: string, expiresAt: Date): string {
  return setCookieHeader(SESSION_COOKIE, token, expiresAt);
}

export function clearedSessionCookie(): string {
  return setCookieHeader(SESSION_COOKIE, "", null);
}
