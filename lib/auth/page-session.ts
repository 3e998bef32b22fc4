import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import type { Actor } from "./actor";
import { cookieName } from "./cookies";
import { getSessionUser, SESSION_COOKIE, type SessionUser } from "./session";

/** The signed-in user for a server component or page, or null; one lookup per request, however many ask. */
export const getPageUser = cache(async (): Promise<SessionUser | null> => {
  const token = (await cookies()).get(cookieName(SESSION_COOKIE))?.value ?? null;
  return getSessionUser(token);
});

export async function getPageActor(): Promise<Actor | null> {
  const user = await getPageUser();
  return user ? { kind: "user", user } : null;
}
