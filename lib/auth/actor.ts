import type { SessionUser } from "./session";

// Who is asking, and who answers for it; no database access, so permissions and pages can use it
// anywhere. A request's actor is found by ./resolve-actor.ts.

/** A script's token; it acts for the admin who made it (`createdById`), who answers for what it sends. */
export type ApiTokenActor = { id: string; name: string; createdById: string };
/** Who is asking: a signed-in person, or a script holding an API token. */
export type Actor = { kind: "user"; user: SessionUser } | { kind: "token"; token: ApiTokenActor };

/** The person who answers for what an actor writes: the signed-in user, or the token's creator. */
export const accountableUserId = (actor: Actor): string => (actor.kind === "user" ? actor.user.id : actor.token.createdById);
