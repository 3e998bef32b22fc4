import "server-only";
import { PUBLIC_ACTIONS, PUBLIC_REFERENCE_ACTIONS } from "./history";
import { getDb } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import type { ReferenceEntity } from "../schemas/reference";
import {
  ZChangeFigure,
  ZReferenceValues,
  type PublicChange,
  type PublicFigureChange,
  type PublicFigureChangeAction,
  type PublicReferenceChange,
  type PublicReferenceChangeAction,
  type ReferenceValues,
} from "./public-change-shapes";

const REFERENCE_ENTITY_TYPES = Object.keys(ZReferenceValues) as ReferenceEntity[];
const isReferenceEntity = (value: string): value is ReferenceEntity => (REFERENCE_ENTITY_TYPES as string[]).includes(value);

function parseReference<Entity extends ReferenceEntity>(entity: Entity, json: unknown): ReferenceValues[Entity] | null {
  const parsed = ZReferenceValues[entity].safeParse(json);
  return parsed.success ? (parsed.data as ReferenceValues[Entity]) : null;
}

function indicatorOfReference(change: { entityType: ReferenceEntity; before: unknown; after: unknown }): string | null {
  const side = (change.after ?? change.before) as Record<string, unknown> | null;
  if (!side) return null;
  if (change.entityType === "indicator" && typeof side.slug === "string") return side.slug;
  if (change.entityType === "framing" && typeof side.indicatorSlug === "string") return side.indicatorSlug;
  return null;
}

function parseFigure(json: unknown) {
  const parsed = ZChangeFigure.safeParse(json);
  if (!parsed.success) return null;
  const { indicator, source, ...figure } = parsed.data;
  return { indicator, figure: { ...figure, sourceUrl: source.url } };
}

/** The columns of a change entry a public figure change is read from. */
export const PUBLIC_CHANGE_SELECT = {
  id: true,
  action: true,
  entityType: true,
  createdAt: true,
  reason: true,
  before: true,
  after: true,
  actorUser: { select: { displayName: true } },
} satisfies Prisma.ChangeEntrySelect;
type PublicChangeRow = Prisma.ChangeEntryGetPayload<{ select: typeof PUBLIC_CHANGE_SELECT }>;

/** A public figure entry as the change log and a figure's page show it (the caller admits only public figure actions). */
export function toPublicFigureChange(row: PublicChangeRow): PublicFigureChange {
  const before = parseFigure(row.before);
  const after = parseFigure(row.after);
  return {
    id: row.id,
    action: row.action as PublicFigureChangeAction,
    createdAt: row.createdAt.toISOString(),
    reason: row.reason,
    reviewer: row.actorUser?.displayName ?? null,
    // A correction may move a figure to another indicator; the log links to where it is now.
    indicatorSlug: after?.indicator ?? before?.indicator ?? null,
    before: before?.figure ?? null,
    after: after?.figure ?? null,
  };
}

/**
 * Published, corrected and retracted figures, and applied changes to reference data readers see,
 * newest first, as the public change log shows them.
 */
export async function listPublicChanges({ since, limit }: { since?: Date; limit: number }): Promise<PublicChange[]> {
  const rows = await getDb().changeEntry.findMany({
    where: {
      isPublic: true,
      action: { in: [...PUBLIC_ACTIONS, ...PUBLIC_REFERENCE_ACTIONS] },
      ...(since ? { createdAt: { gte: since } } : {}),
    },
    orderBy: { sequence: "desc" },
    take: limit,
    select: PUBLIC_CHANGE_SELECT,
  });
  return rows.map((row): PublicChange => {
    if (isReferenceEntity(row.entityType)) {
      const entityType = row.entityType;
      const before = parseReference(entityType, row.before);
      const after = parseReference(entityType, row.after);
      return {
        id: row.id,
        // The where clause admits only public actions, and reference entity types only reference ones.
        action: row.action as PublicReferenceChangeAction,
        entityType,
        createdAt: row.createdAt.toISOString(),
        reason: row.reason,
        reviewer: row.actorUser?.displayName ?? null,
        indicatorSlug: indicatorOfReference({ entityType, before, after }),
        before,
        after,
      } as PublicReferenceChange;
    }
    return toPublicFigureChange(row);
  });
}
