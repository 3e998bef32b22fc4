import "server-only";
import { z } from "zod";
import { PUBLIC_ACTIONS, PUBLIC_REFERENCE_ACTIONS } from "./history";
import { getDb } from "../db/client";
import { ZObservationSnapshot } from "../observations/snapshot";
import { ZDatePrecision, ZProducerType, type PublicFigureChangeAction, type PublicReferenceChangeAction } from "../schemas/enums";
import type { ReferenceEntity } from "../schemas/reference";

export type { PublicFigureChangeAction, PublicReferenceChangeAction } from "../schemas/enums";
export type PublicChangeAction = PublicFigureChangeAction | PublicReferenceChangeAction;
export type PublicChangeKind = "published" | "corrected" | "retracted" | "added" | "edited";

// Message keys and data attributes use the short form: next-intl reads dots in a key as nesting.
const KINDS: Record<PublicChangeAction, PublicChangeKind> = {
  "observation.published": "published",
  "observation.corrected": "corrected",
  "observation.retracted": "retracted",
  "source.updated": "edited",
  "producer.updated": "edited",
  "indicator.created": "added",
  "indicator.updated": "edited",
  "framing.created": "added",
  "framing.updated": "edited",
  "event.created": "added",
  "event.updated": "edited",
};
export const changeKind = (action: PublicChangeAction) => KINDS[action];

export const changeLogPath = (locale: string) => `/${locale}/changes`;
export const changeFeedPath = (locale: string) => `/${locale}/changes/feed.xml`;

// The parts of an observation snapshot (lib/observations/snapshot.ts) that the change log shows; only
// these are required, so an entry stays readable whatever else its snapshot holds. Parsing, not
// casting: the JSON column is a boundary, and unknown keys are dropped.
const ZChangeFigure = ZObservationSnapshot.pick({
  indicator: true,
  value: true,
  valueMax: true,
  qualifier: true,
  asOf: true,
  datePrecision: true,
  producer: true,
}).extend({
  // Becomes a link on the page: only web addresses, never javascript: or data:.
  source: z.object({ url: z.url({ protocol: /^https?$/ }) }),
});

export type ChangeFigure = Omit<z.infer<typeof ZChangeFigure>, "indicator" | "source"> & { sourceUrl: string };

/** A published, corrected or retracted figure. */
export type PublicFigureChange = {
  id: string;
  action: PublicFigureChangeAction;
  /** ISO timestamp of the change. */
  createdAt: string;
  reason: string | null;
  /** The reviewer's display name; an email never leaves this module. */
  reviewer: string | null;
  indicatorSlug: string | null;
  before: ChangeFigure | null;
  after: ChangeFigure | null;
};

// What readers see of each kind of reference record, as its edit form holds it (lib/reference/queries.ts):
// parsed, so nothing else in the stored JSON leaves this module.
const text = z.string();
const maybe = z.string().nullable();
const ZReferenceValues = {
  producer: z.object({ name: text, type: ZProducerType }),
  source: z.object({ url: text, publisher: maybe, publishedAt: maybe, archivedUrl: maybe }),
  indicator: z.object({
    slug: text,
    nameEs: text,
    nameEn: text,
    descriptionEs: text,
    descriptionEn: text,
    unit: text,
    unitEs: maybe,
    theme: text,
    valueKind: text,
  }),
  framing: z.object({
    indicatorSlug: text,
    producer: z.object({ name: text, type: ZProducerType }),
    sourceUrl: text,
    summaryEs: text,
    summaryEn: text,
  }),
  event: z.object({
    kind: text,
    startsOn: text,
    endsOn: maybe,
    datePrecision: ZDatePrecision,
    dateNote: maybe,
    titleEs: text,
    titleEn: text,
    sourceUrl: text,
  }),
} satisfies Record<ReferenceEntity, z.ZodType>;

export type ReferenceValues = { [Entity in ReferenceEntity]: z.infer<(typeof ZReferenceValues)[Entity]> };

/** An edited or added producer, source, indicator, framing or event, applied by a reviewer. */
export type PublicReferenceChange = {
  [Entity in ReferenceEntity]: {
    id: string;
    action: PublicReferenceChangeAction;
    entityType: Entity;
    createdAt: string;
    reason: string | null;
    reviewer: string | null;
    /** The indicator an indicator or framing belongs to, for a link. */
    indicatorSlug: string | null;
    before: ReferenceValues[Entity] | null;
    after: ReferenceValues[Entity] | null;
  };
}[ReferenceEntity];

export type PublicChange = PublicFigureChange | PublicReferenceChange;

export const isReferenceChange = (change: PublicChange): change is PublicReferenceChange => "entityType" in change;

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
    select: {
      id: true,
      action: true,
      entityType: true,
      createdAt: true,
      reason: true,
      before: true,
      after: true,
      actorUser: { select: { displayName: true } },
    },
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
    const before = parseFigure(row.before);
    const after = parseFigure(row.after);
    return {
      id: row.id,
      // The where clause admits only public actions.
      action: row.action as PublicFigureChangeAction,
      createdAt: row.createdAt.toISOString(),
      reason: row.reason,
      reviewer: row.actorUser?.displayName ?? null,
      // A correction may move a figure to another indicator; the log links to where it is now.
      indicatorSlug: after?.indicator ?? before?.indicator ?? null,
      before: before?.figure ?? null,
      after: after?.figure ?? null,
    };
  });
}
