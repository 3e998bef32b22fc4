import "server-only";
import type { Actor } from "../auth/actor";
import { canManageUsers } from "../auth/permissions";
import { endAllSessions } from "../auth/session";
import { appendChange } from "../changes/history";
import { getDb } from "../db/client";
import { runTransaction } from "../db/transaction";
import { AppError, forbidden, notFound } from "../errors";
import type { Prisma, Role } from "@/lib/generated/prisma/client";

type Tx = Prisma.TransactionClient;

/** What an admin may change about someone's access: their role, and whether they can sign in at all. */
export type UserAccessChange = { role?: Role; active?: boolean };

const lastAdmin = () =>
  new AppError(409, "last_admin", "This is the only active admin: make someone else an admin before removing this one.");

const onlyAdmins = () => forbidden("Only an admin can change users.", "admin_only");

/**
 * The actor's own row as it stands inside the transaction: an admin demoted or deactivated a moment
 * ago by someone else no longer changes anyone, even with a request that started before.
 */
async function assertStillAdmin(tx: Tx, actor: Actor) {
  if (actor.kind !== "user") throw onlyAdmins();
  const self = await tx.user.findUnique({ where: { id: actor.user.id }, select: { role: true, disabledAt: true } });
  if (!self || self.disabledAt || self.role !== "admin") throw onlyAdmins();
}

/**
 * Changes a user's role and/or deactivates or reactivates them, in one transaction. Deactivation ends
 * every session of the user (their next request is signed out), their API tokens stop working (a
 * token acts for its creator, lib/auth/resolve-actor.ts), and unused password reset links are
 * dropped. A new role applies from the user's next request, since each request reads it afresh.
 *
 * Serializable, so the last-admin rule holds against concurrent changes: two admins demoting each
 * other at once both read "one other admin is left", and PostgreSQL rolls one back; its retry sees the
 * other's commit and is refused.
 */
export async function changeUserAccess(actor: Actor, userId: string, change: UserAccessChange) {
  if (!canManageUsers(actor)) throw onlyAdmins();
  return runTransaction(
    getDb(),
    async (tx) => {
      await assertStillAdmin(tx, actor);
      const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, role: true, disabledAt: true } });
      if (!user) throw notFound("This user", "user_not_found");
      const role = change.role ?? user.role;
      const deactivating = change.active === false && !user.disabledAt;
      const reactivating = change.active === true && user.disabledAt !== null;
      const losesAdmin = user.role === "admin" && !user.disabledAt && (role !== "admin" || deactivating);
      if (losesAdmin) {
        const otherAdmins = await tx.user.count({ where: { role: "admin", disabledAt: null, id: { not: user.id } } });
        if (otherAdmins === 0) throw lastAdmin();
      }

      const disabledAt = deactivating ? new Date() : reactivating ? null : user.disabledAt;
      if (role === user.role && disabledAt === user.disabledAt) return { id: user.id, role, disabledAt };
      await tx.user.update({ where: { id: user.id }, data: { role, disabledAt } });

      if (role !== user.role) {
        await appendChange(tx, {
          action: "user.role_changed",
          entityType: "user",
          entityId: user.id,
          actor,
          before: { role: user.role },
          after: { role },
        });
      }
      if (deactivating) {
        const sessionsEnded = await endAllSessions(user.id, tx);
        await tx.passwordReset.deleteMany({ where: { userId: user.id, usedAt: null } });
        await appendChange(tx, {
          action: "user.deactivated",
          entityType: "user",
          entityId: user.id,
          actor,
          before: { disabledAt: null },
          after: { disabledAt, sessionsEnded },
        });
      }
      if (reactivating) {
        await appendChange(tx, {
          action: "user.reactivated",
          entityType: "user",
          entityId: user.id,
          actor,
          before: { disabledAt: user.disabledAt },
          after: { disabledAt: null },
        });
      }
      return { id: user.id, role, disabledAt };
    },
    { isolationLevel: "Serializable" },
  );
}
