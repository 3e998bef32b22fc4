import "server-only";
import type { Actor } from "../auth/actor";
import { hashPassword } from "../auth/password";
import { canManageUsers } from "../auth/permissions";
import { endAllSessions } from "../auth/session";
import { accountKey, clearFailures, passwordChangeKey } from "../auth/throttle";
import { hashSecret, newSecret } from "../auth/tokens";
import { appendChange } from "../changes/history";
import { getDb } from "../db/client";
import { runTransaction } from "../db/transaction";
import { AppError, forbidden, notFound } from "../errors";

// A password reset is a one-time link an admin passes on by hand (Contraste sends no email). Its
// token is 32 random bytes, stored only as its SHA-256 like a session: looking a link up by that hash
// gives nothing away about how close a guess came, and 256 bits leave nothing to guess at.

export const PASSWORD_RESET_HOURS = 24;

/** The path of a reset link, without the site's origin. */
export const passwordResetPath = (locale: string, token: string) => `/${locale}/editor/reset-password/${encodeURIComponent(token)}`;

const linkInvalid = () => new AppError(400, "reset_link_invalid", "This password reset link is not valid. Ask an admin for a new one.");
const linkExpired = () => new AppError(410, "reset_link_expired", "This password reset link has expired. Ask an admin for a new one.");
const linkUsed = () => new AppError(410, "reset_link_used", "This password reset link was already used. Ask an admin for a new one.");

/**
 * A new reset link for a user, shown once to the admin who asked for it; any earlier link of that
 * user not yet used stops working, so only the newest one ever sets a password.
 */
export async function issuePasswordReset(actor: Actor, userId: string): Promise<{ token: string; expiresAt: Date }> {
  if (!canManageUsers(actor) || actor.kind !== "user") throw forbidden("Only an admin can reset passwords.", "admin_only");
  const { secret, hash } = newSecret("cpr_");
  const expiresAt = new Date(Date.now() + PASSWORD_RESET_HOURS * 3_600_000);
  await runTransaction(getDb(), async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, disabledAt: true } });
    if (!user) throw notFound("This user", "user_not_found");
    if (user.disabledAt) {
      throw new AppError(409, "user_deactivated", "This user is deactivated: reactivate them before sending a password reset link.");
    }
    const revoked = await tx.passwordReset.deleteMany({ where: { userId, usedAt: null } });
    await tx.passwordReset.create({ data: { id: hash, userId, createdById: actor.user.id, expiresAt } });
    await appendChange(tx, {
      action: "user.password_reset_issued",
      entityType: "user",
      entityId: userId,
      actor,
      after: { expiresAt, earlierLinksRevoked: revoked.count },
    });
  });
  return { token: secret, expiresAt };
}

export type PasswordResetLink =
  { state: "valid"; email: string; displayName: string; expiresAt: Date } | { state: "invalid" | "expired" | "used" };

// Real tokens are about 48 characters; anything far longer is not one, and is not hashed.
const MAX_TOKEN_LENGTH = 200;

async function findLink(token: string) {
  if (token.length === 0 || token.length > MAX_TOKEN_LENGTH) return null;
  return getDb().passwordReset.findUnique({
    where: { id: hashSecret(token) },
    select: {
      id: true,
      userId: true,
      createdById: true,
      expiresAt: true,
      usedAt: true,
      user: { select: { email: true, displayName: true, disabledAt: true } },
    },
  });
}

/** What the reset page shows before anyone types: the form for a valid link, else why it cannot be used. */
export async function readPasswordResetLink(token: string): Promise<PasswordResetLink> {
  const link = await findLink(token);
  // A deactivated user's links were dropped; one issued since cannot exist, but it would be no use either.
  if (!link || link.user.disabledAt) return { state: "invalid" };
  if (link.usedAt) return { state: "used" };
  if (link.expiresAt <= new Date()) return { state: "expired" };
  return { state: "valid", email: link.user.email, displayName: link.user.displayName, expiresAt: link.expiresAt };
}

/**
 * Sets a new password through a reset link, once: the link is spent, every session of the account
 * ends and every browser loses its standing as a known device (whoever had the account is out), and
 * the account's failed sign-ins are forgotten so its owner can sign in at once.
 */
export async function resetPassword(token: string, newPassword: string): Promise<void> {
  const link = await findLink(token);
  if (!link || link.user.disabledAt) throw linkInvalid();
  if (link.usedAt) throw linkUsed();
  if (link.expiresAt <= new Date()) throw linkExpired();
  // Hashed only for a link that exists: a made-up token costs no hashing.
  const passwordHash = await hashPassword(newPassword);
  await runTransaction(getDb(), async (tx) => {
    const now = new Date();
    // Claimed with a conditional update, so of two requests racing with one link only one sets a password.
    const claimed = await tx.passwordReset.updateMany({
      where: { id: link.id, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (claimed.count === 0) throw linkUsed();
    const user = await tx.user.findUnique({
      where: { id: link.userId },
      select: { id: true, email: true, displayName: true, role: true, disabledAt: true },
    });
    if (!user || user.disabledAt) throw linkInvalid();
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    const sessionsEnded = await endAllSessions(user.id, tx);
    await tx.knownDevice.deleteMany({ where: { userId: user.id } });
    await appendChange(tx, {
      action: "user.password_reset",
      entityType: "user",
      entityId: user.id,
      // The holder of the link sets the password, and answers for it as the account's owner.
      actor: { kind: "user", user: { id: user.id, email: user.email, displayName: user.displayName, role: user.role } },
      after: { linkIssuedById: link.createdById, sessionsEnded },
    });
  });
  await clearFailures([accountKey(link.user.email), passwordChangeKey(link.userId)]);
}
