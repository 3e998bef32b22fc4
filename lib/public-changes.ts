import { z } from "zod";
import { PUBLIC_ACTIONS } from "./changes";
import { getDb } from "./db/client";
import { ZDatePrecision, ZProducerType, ZQualifier } from "./schemas/observation";

export type PublicChangeAction = "observation.published" | "observation.corrected" | "observation.retracted";
export type PublicChangeKind = "published" | "corrected" | "retracted";

// Message keys and data attributes use the short form: next-intl reads dots in a key as nesting.
const KINDS: Record<PublicChangeAction, PublicChangeKind> = {
  "observation.published": "published",
  "observation.corrected": "corrected",
  "observation.retracted": "retracted",
};
export const changeKind = (action: PublicChangeAction) => KINDS[action];

export const changeLogPath = (locale: string) => `/${locale}/changes`;
export const changeFeedPath = (locale: string) => `/${locale}/changes/feed.xml`;

// The parts of an observation snapshot (lib/observation-mutations.ts `snapshot()`) that the change
// log shows. Parsing, not casting: the JSON column is a boundary, and unknown keys are dropped.
const ZChangeFigure = z.object({
  indicator: z.string(),
  value: z.string(),
  valueMax: z.string().nullable(),
  qualifier: ZQualifier,
  asOf: z.string(),
  datePrecision: ZDatePrecision,
  producer: z.object({ name: z.string(), type: ZProducerType }),
  // Becomes a link on the page: only web addresses, never javascript: or data:.
  source: z.object({ url: z.url({ protocol: /^https?$/ }) }),
});

export type ChangeFigure = {
  value: string;
  valueMax: string | null;
  qualifier: z.infer<typeof ZQualifier>;
  asOf: string;
  datePrecision: z.infer<typeof ZDatePrecision>;
  producer: { name: string; type: z.infer<typeof ZProducerType> };
  sourceUrl: string;
};

export type PublicChange = {
  id: string;
  action: PublicChangeAction;
  /** ISO timestamp of the change. */
  createdAt: string;
  reason: string | null;
  /** The reviewer's display name; an email never leaves this module. */
  reviewer: string | null;
  indicatorSlug: string | null;
  before: ChangeFigure | null;
  after: ChangeFigure | null;
};

function parseFigure(json: unknown) {
  const parsed = ZChangeFigure.safeParse(json);
  if (!parsed.success) return null;
  const { indicator, source, ...figure } = parsed.data;
  return { indicator, figure: { ...figure, sourceUrl: source.url } };
}

/** Published, corrected and retracted figures, newest first, as the public change log shows them. */
export async function listPublicChanges({ since, limit }: { since?: Date; limit: number }): Promise<PublicChange[]> {
  const rows = await getDb().changeEntry.findMany({
    where: { isPublic: true, action: { in: PUBLIC_ACTIONS }, ...(since ? { createdAt: { gte: since } } : {}) },
    orderBy: { sequence: "desc" },
    take: limit,
    select: { id: true, action: true, createdAt: true, reason: true, before: true, after: true, actorUser: { select: { displayName: true } } },
  });
  return rows.map((row) => {
    const before = parseFigure(row.before);
    const after = parseFigure(row.after);
    return {
      id: row.id,
      // The where clause admits only public actions.
      action: row.action as PublicChangeAction,
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
