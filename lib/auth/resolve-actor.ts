import "server-only";
import { getDb } from "../db/client";
import type { Actor } from "./actor";
import { getSessionUser, readSessionToken } from "./session";
import { hashSecret } from "./tokens";

async function tokenActor(request: Request): Promise<Actor | null> {
  const header = request.headers.get("authorization");
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  if (!match?.[1]) return null;
  const token = await getDb().apiToken.findUnique({
    where: { tokenHash: hashSecret(match[1]) },
    select: { id: true, name: true, revokedAt: true, createdById: true, createdBy: { select: { role: true, disabledAt: true } } },
  });
  if (!token || token.revokedAt) return null;
  // A token can do no more than its creator: once they are disabled or no longer an admin (who alone
  // may hold tokens), it stops working without anyone having to remember to revoke it.
  if (token.createdBy.disabledAt || token.createdBy.role !== "admin") return null;
  await getDb().apiToken.update({ where: { id: token.id }, data: { lastUsedAt: new Date() } });
  return { kind: "token", token: { id: token.id, name: token.name, createdById: token.createdById } };
}

/** Who sent a request: its API token (Authorization: Bearer), or else its session cookie. */
export async function resolveActor(request: Request): Promise<Actor | null> {
  if (request.headers.has("authorization")) return tokenActor(request);
  const user = await getSessionUser(readSessionToken(request));
  return user ? { kind: "user", user } : null;
}
