import "server-only";
import type { Actor } from "../auth/actor";
import { newSecret } from "../auth/tokens";
import { appendChange } from "../changes/history";
import { getDb } from "../db/client";
import { runTransaction } from "../db/transaction";
import { forbidden, notFound } from "../errors";
import { readPage } from "../paging";
import { canManageApiTokens } from "../auth/permissions";

/** Creates a token that can only submit draft figures. The secret is returned once and stored hashed. */
export async function createApiToken(actor: Actor, name: string) {
  if (!canManageApiTokens(actor) || actor.kind !== "user") throw forbidden("Only an admin can create API tokens.", "admin_only");
  const { secret, hash } = newSecret("ctk_");
  const token = await runTransaction(getDb(), async (tx) => {
    const created = await tx.apiToken.create({
      data: { name, tokenHash: hash, tokenPrefix: secret.slice(0, 10), createdById: actor.user.id },
      select: { id: true, name: true, tokenPrefix: true, createdAt: true },
    });
    await appendChange(tx, { action: "token.created", entityType: "token", entityId: created.id, actor, after: { name } });
    return created;
  });
  return { ...token, secret };
}

export async function revokeApiToken(actor: Actor, id: string) {
  if (!canManageApiTokens(actor)) throw forbidden("Only an admin can revoke API tokens.", "admin_only");
  return runTransaction(getDb(), async (tx) => {
    const token = await tx.apiToken.findUnique({ where: { id }, select: { id: true, revokedAt: true, name: true } });
    if (!token) throw notFound("This token", "token_not_found");
    if (token.revokedAt) return { id, revokedAt: token.revokedAt };
    const revoked = await tx.apiToken.update({ where: { id }, data: { revokedAt: new Date() }, select: { id: true, revokedAt: true } });
    await appendChange(tx, { action: "token.revoked", entityType: "token", entityId: id, actor, before: { name: token.name } });
    return revoked;
  });
}

/** One page of tokens, newest first (a token just created is on the first page). */
export function listApiTokens(page: number) {
  return readPage(
    page,
    (limit) => getDb().apiToken.count({ take: limit }),
    (skip, take) =>
      getDb().apiToken.findMany({
        select: {
          id: true,
          name: true,
          tokenPrefix: true,
          createdAt: true,
          lastUsedAt: true,
          revokedAt: true,
          createdBy: { select: { displayName: true } },
        },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        skip,
        take,
      }),
  );
}
