import { z } from "zod";
import { ZObservationSnapshot } from "../observations/snapshot";
import {
  ZDatePrecision,
  ZProducerType,
  ZSourceClass,
  type PublicFigureChangeAction,
  type PublicReferenceChangeAction,
} from "../schemas/enums";
import type { ReferenceEntity } from "../schemas/reference";
import { getPathname } from "../i18n/navigation";
import type { Locale } from "../i18n/routing";

// What the public change log and feed show of an entry, and the schemas its stored JSON is read
// with. No database import: pages and components take these shapes; ./public-changes.ts reads them.

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

export const changeLogPath = (locale: Locale) => getPathname({ href: "/changes", locale });
export const changeFeedPath = (locale: Locale) => getPathname({ href: "/changes/feed.xml", locale });

// The parts of an observation snapshot (lib/observations/snapshot.ts) that the change log shows; only
// these are required, so an entry stays readable whatever else its snapshot holds. Parsing, not
// casting: the JSON column is a boundary, and unknown keys are dropped.
export const ZChangeFigure = ZObservationSnapshot.pick({
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
export const ZReferenceValues = {
  producer: z.object({ name: text, type: ZProducerType }),
  // Optional: entries written before sources had a class have none.
  source: z.object({ url: text, publisher: maybe, publishedAt: maybe, archivedUrl: maybe, sourceClass: ZSourceClass.optional() }),
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
    // Optional: entries written before events had Spanish notes and indicators have none.
    dateNoteEs: maybe.optional(),
    titleEs: text,
    titleEn: text,
    sourceUrl: text,
    appliesToAll: z.boolean().optional(),
    indicatorSlugs: z.array(text).optional(),
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
