import "server-only";
import type { Actor } from "../auth/actor";
import { getDb } from "../db/client";
import { recordChange } from "../db/transaction";
import { PUBLIC_FIGURE_CHANGE_ACTIONS, PUBLIC_REFERENCE_CHANGE_ACTIONS } from "../schemas/enums";
import type { Prisma } from "@/lib/generated/prisma/client";

export const CHANGE_ACTIONS = [
  "observation.created",
  "observation.updated",
  "observation.correction_proposed",
  "observation.corrected",
  "observation.published",
  "observation.retracted",
  "observation.sent_back",
  "observation.discarded",
  "source.created",
  "source.updated",
  "producer.created",
  "producer.updated",
  "framing.created",
  "framing.updated",
  "event.created",
  "event.updated",
  "indicator.created",
  "indicator.updated",
  "reference.proposed",
  "reference.rejected",
  "reference.withdrawn",
  "user.created",
  "user.password_changed",
  "user.deactivated",
  "user.reactivated",
  "user.role_changed",
  "user.password_reset_issued",
  "user.password_reset",
  "token.created",
  "token.revoked",
  "source_domain.created",
  "source_domain.updated",
  "source_domain.deleted",
] as const;
export type ChangeAction = (typeof CHANGE_ACTIONS)[number];

/** Figure actions readers see on the public change log and feed. */
export const PUBLIC_ACTIONS: ChangeAction[] = [...PUBLIC_FIGURE_CHANGE_ACTIONS];

/**
 * Reference actions readers see once a reviewer applied them (lib/reference/mutations.ts). Entries
 * written before review existed share these names but are not public: the flag decides.
 */
export const PUBLIC_REFERENCE_ACTIONS: ChangeAction[] = [...PUBLIC_REFERENCE_CHANGE_ACTIONS];

type Tx = Prisma.TransactionClient;

export type NewChange = {
  action: ChangeAction;
  entityType:
    "observation" | "source" | "producer" | "framing" | "event" | "indicator" | "reference_change" | "user" | "token" | "source_domain";
  entityId: string;
  actor: Actor | null;
  reason?: string | null;
  before?: unknown;
  after?: unknown;
  /** On the public change log; by default, figure actions only (PUBLIC_ACTIONS). */
  isPublic?: boolean;
};

const asJson = (value: unknown) =>
  value === undefined || value === null ? undefined : (JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue);

/** Appends one entry in the caller's transaction, so the change and its record commit together. */
export async function appendChange(tx: Tx, change: NewChange) {
  const isPublic = change.isPublic ?? PUBLIC_ACTIONS.includes(change.action);
  recordChange(tx, { entityType: change.entityType, isPublic, before: change.before, after: change.after });
  return tx.changeEntry.create({
    data: {
      action: change.action,
      entityType: change.entityType,
      entityId: change.entityId,
      actorUserId: change.actor?.kind === "user" ? change.actor.user.id : null,
      actorTokenId: change.actor?.kind === "token" ? change.actor.token.id : null,
      reason: change.reason ?? null,
      before: asJson(change.before),
      after: asJson(change.after),
      isPublic,
    },
  });
}

export type HistoryEntry = {
  id: string;
  action: string;
  reason: string | null;
  before: unknown;
  after: unknown;
  createdAt: string;
  actor: string;
};

/** Every entry about an observation and the drafts that proposed changes to it, oldest first. */
export async function listObservationHistory(observationId: string): Promise<HistoryEntry[]> {
  const revisions = await getDb().observation.findMany({ where: { revisionOfId: observationId }, select: { id: true } });
  const rows = await getDb().changeEntry.findMany({
    where: { entityType: "observation", entityId: { in: [observationId, ...revisions.map((r) => r.id)] } },
    orderBy: { sequence: "asc" },
    include: { actorUser: { select: { displayName: true } }, actorToken: { select: { name: true } } },
  });
  return rows.map((row) => ({
    id: row.id,
    action: row.action,
    reason: row.reason,
    before: row.before,
    after: row.after,
    createdAt: row.createdAt.toISOString(),
    actor: row.actorUser?.displayName ?? (row.actorToken ? `API token "${row.actorToken.name}"` : "Contraste dataset"),
  }));
}
