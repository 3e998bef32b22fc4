import { getDb } from "../db/client";
import { getSessionUser, readSessionToken, type SessionUser } from "./session";
import { hashSecret } from "./tokens";

export type ApiTokenActor = { id: string; name: string };
/** Who is asking: a signed-in person, or a script holding an API token. */
export type Actor = { kind: "user"; user: SessionUser } | { kind: "token"; token: ApiTokenActor };

async function tokenActor(request: Request): Promise<Actor | null> {
  const header = request.headers.get("authorization");
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  if (!match?.[1]) return null;
  const token = await getDb().apiToken.findUnique({ where: { tokenHash: hashSecret(match[1]) }, select: { id: true, name: true, revokedAt: true } });
  if (!token || token.revokedAt) return null;
  await getDb().apiToken.update({ where: { id: token.id }, data: { lastUsedAt: new Date() } });
  return { kind: "token", token: { id: token.id, name: token.name } };
}

export async function resolveActor(request: Request): Promise<Actor | null> {
  if (request.headers.has("authorization")) return tokenActor(request);
  const user = await getSessionUser(readSessionToken(request));
  return user ? { kind: "user", user } : null;
}
