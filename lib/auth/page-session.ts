import { cookies } from "next/headers";
import type { Actor } from "./actor";
import { getSessionUser, SESSION_COOKIE, type SessionUser } from "./session";

/** The signed-in user for a server component or page, or null. */
export async function getPageUser(): Promise<SessionUser | null> {
  const token = (await cookies()).get(SESSION_COOKIE)?.value ?? null;
  return getSessionUser(token);
}

export async function getPageActor(): Promise<Actor | null> {
  const user = await getPageUser();
  return user ? { kind: "user", user } : null;
}
