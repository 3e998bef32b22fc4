import "server-only";
import type { Actor } from "../auth/actor";
import { hashPassword, spendVerificationTime, verifyPassword } from "../auth/password";
import { endAllSessions } from "../auth/session";
import { clearFailures, passwordChangeKey, reserveAttempt } from "../auth/throttle";
import { appendChange } from "../changes/history";
import { getDb } from "../db/client";
import { runTransaction } from "../db/transaction";
import { AppError, conflict, forbidden } from "../errors";
import type { Prisma, Role } from "@/lib/generated/prisma/client";
import { readPage } from "../paging";
import { canManageUsers } from "../auth/permissions";

export type NewUser = { email: string; displayName: string; password: string; role: Role };

type Tx = Prisma.TransactionClient;

const publicUser = { id: true, email: true, displayName: true, role: true, createdAt: true } as const;

type InsertOptions = { onlyIfNoUsers?: boolean };

async function insertUser(actor: Actor | null, user: NewUser, options: InsertOptions = {}) {
  const passwordHash = await hashPassword(user.password);
  return runTransaction(
    getDb(),
    async (tx) => {
      if (options.onlyIfNoUsers && (await tx.user.count()) > 0) throw setupClosed();
      return createUserRow(tx, actor, user, passwordHash);
    },
    // Serializable: two first-run requests that both counted no users cannot both commit; the
    // one rolled back runs again, sees the other's admin and is refused.
    options.onlyIfNoUsers ? { isolationLevel: "Serializable" } : undefined,
  );
}

async function createUserRow(tx: Tx, actor: Actor | null, user: NewUser, passwordHash: string) {
  if (await tx.user.findUnique({ where: { email: user.email }, select: { id: true } })) {
    throw conflict("A user with this email already exists.", undefined, "email_taken");
  }
  const created = await tx.user.create({
    data: { email: user.email, displayName: user.displayName, role: user.role, passwordHash },
    select: publicUser,
  });
  await appendChange(tx, {
    action: "user.created",
    entityType: "user",
    entityId: created.id,
    actor,
    after: { displayName: created.displayName, role: created.role },
  });
  return created;
}

const setupClosed = () => new AppError(403, "setup_closed", "Contraste already has users; ask an admin for an account.");

export const countUsers = () => getDb().user.count();

/** The first-run page's only job: the first admin, and only while nobody has an account. */
export async function createFirstAdmin(user: Omit<NewUser, "role">) {
  // Checked once before hashing the password so a closed setup costs no hashing; the check that
  // counts is the one inside the transaction.
  if ((await countUsers()) > 0) throw setupClosed();
  return insertUser(null, { ...user, role: "admin" }, { onlyIfNoUsers: true });
}

export async function createUser(actor: Actor, user: NewUser) {
  if (!canManageUsers(actor)) throw forbidden("Only an admin can add users.", "admin_only");
  return insertUser(actor, user);
}

/** For the shell command `npm run user:add`, run by whoever holds the server. */
export const createUserFromShell = (user: NewUser) => insertUser(null, user);

/** One page of everyone who can sign in, oldest account first. */
export function listUsers(page: number) {
  return readPage(
    page,
    (limit) => getDb().user.count({ take: limit }),
    (skip, take) =>
      getDb().user.findMany({ select: { ...publicUser, disabledAt: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], skip, take }),
  );
}

/** Checks a password; unknown emails cost the same time and get the same null as wrong passwords. */
export async function authenticate(email: string, password: string) {
  const user = await getDb().user.findUnique({ where: { email }, select: { id: true, passwordHash: true, disabledAt: true } });
  if (!user) {
    await spendVerificationTime(password);
    return null;
  }
  const valid = await verifyPassword(user.passwordHash, password);
  return valid && !user.disabledAt ? user.id : null;
}

export async function changePassword(actor: Actor, currentPassword: string, newPassword: string) {
  if (actor.kind !== "user") throw forbidden();
  // Limited like sign-in, per account: a session left open is no way to guess the password at leisure.
  const throttle = [passwordChangeKey(actor.user.id)];
  const wait = await reserveAttempt(throttle);
  if (wait > 0) throw new AppError(429, "too_many_attempts", `Too many attempts. Try again in ${wait} s.`, { retryAfterSeconds: wait });
  const user = await getDb().user.findUniqueOrThrow({ where: { id: actor.user.id }, select: { passwordHash: true } });
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    throw new AppError(400, "wrong_password", "The current password is wrong.", {
      fields: [{ path: "currentPassword", message: "The current password is wrong." }],
    });
  }
  await clearFailures(throttle);
  const passwordHash = await hashPassword(newPassword);
  await runTransaction(getDb(), async (tx) => {
    await tx.user.update({ where: { id: actor.user.id }, data: { passwordHash } });
    await appendChange(tx, { action: "user.password_changed", entityType: "user", entityId: actor.user.id, actor });
  });
  // Every session of this account ends, the current one too: a leaked session dies with the old password.
  await endAllSessions(actor.user.id);
}
