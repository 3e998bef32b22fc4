import { z } from "zod";
import {
  DatePrecision as DatePrecisionEnum,
  EventKind as EventKindEnum,
  IndicatorTheme as IndicatorThemeEnum,
  LinkState as LinkStateEnum,
  ObservationStatus as ObservationStatusEnum,
  ProblemReportStatus as ProblemReportStatusEnum,
  ProducerType as ProducerTypeEnum,
  Qualifier as QualifierEnum,
  ReferenceChangeStatus as ReferenceChangeStatusEnum,
  Role as RoleEnum,
  SourceClass as SourceClassEnum,
  SourceClassOrigin as SourceClassOriginEnum,
  ValueKind as ValueKindEnum,
} from "../generated/prisma/enums";

// Every enumeration of the domain, once. Where prisma/schema.prisma declares the enum, the values
// come from the client Prisma generates for it (lib/generated/prisma/enums.ts imports nothing, so
// client components may import this module), in the schema's order. Zod schemas and types are
// built from these lists; nothing else writes the values out.

type Values<Enum extends Record<string, string>> = readonly [Enum[keyof Enum], ...Enum[keyof Enum][]];
const valuesOf = <Enum extends Record<string, string>>(prismaEnum: Enum) => Object.values(prismaEnum) as unknown as Values<Enum>;

export const PRODUCER_TYPES = valuesOf(ProducerTypeEnum);
export type ProducerType = (typeof PRODUCER_TYPES)[number];
/** The order readers see producer types in (legends, filters, the sources page): the official figures first. */
export const PRODUCER_TYPE_DISPLAY_ORDER = [
  "government",
  "ngo",
  "academic",
  "media",
  "intergovernmental",
] as const satisfies readonly ProducerType[];

export const QUALIFIERS = valuesOf(QualifierEnum);
export type Qualifier = (typeof QUALIFIERS)[number];

export const DATE_PRECISIONS = valuesOf(DatePrecisionEnum);
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

export const OBSERVATION_STATUSES = valuesOf(ObservationStatusEnum);
export type ObservationStatus = (typeof OBSERVATION_STATUSES)[number];
/** The statuses the public sees: a retracted figure stays listed, marked. */
export const PUBLIC_OBSERVATION_STATUSES = ["published", "retracted"] as const satisfies readonly ObservationStatus[];
export type PublicObservationStatus = (typeof PUBLIC_OBSERVATION_STATUSES)[number];

/** Indicator themes, in the order pages list them. */
export const INDICATOR_THEMES = valuesOf(IndicatorThemeEnum);
export type IndicatorTheme = (typeof INDICATOR_THEMES)[number];

export const VALUE_KINDS = valuesOf(ValueKindEnum);
export type ValueKind = (typeof VALUE_KINDS)[number];

export const EVENT_KINDS = valuesOf(EventKindEnum);
export type EventKind = (typeof EVENT_KINDS)[number];

export const ROLES = valuesOf(RoleEnum);
export type Role = (typeof ROLES)[number];

/** How directly a source carries its figures, most direct first (the order readers see them in). */
export const SOURCE_CLASSES = valuesOf(SourceClassEnum);
export type SourceClass = (typeof SOURCE_CLASSES)[number];
/** The classes a reader keeps when hiding republished figures ("primary and press only"). */
export const FIRST_HAND_SOURCE_CLASSES = ["primary", "press"] as const satisfies readonly SourceClass[];

export const SOURCE_CLASS_ORIGINS = valuesOf(SourceClassOriginEnum);
export type SourceClassOrigin = (typeof SOURCE_CLASS_ORIGINS)[number];

export const LINK_STATES = valuesOf(LinkStateEnum);
export type LinkState = (typeof LINK_STATES)[number];

export const PROBLEM_REPORT_STATUSES = valuesOf(ProblemReportStatusEnum);
export type ProblemReportStatus = (typeof PROBLEM_REPORT_STATUSES)[number];

export const REFERENCE_CHANGE_STATUSES = valuesOf(ReferenceChangeStatusEnum);
export type ReferenceChangeStatus = (typeof REFERENCE_CHANGE_STATUSES)[number];

/** Figure actions readers see on the public change log and feed. */
export const PUBLIC_FIGURE_CHANGE_ACTIONS = ["observation.published", "observation.corrected", "observation.retracted"] as const;
export type PublicFigureChangeAction = (typeof PUBLIC_FIGURE_CHANGE_ACTIONS)[number];
/** Reference actions readers see once a reviewer applied them. */
export const PUBLIC_REFERENCE_CHANGE_ACTIONS = [
  "source.updated",
  "producer.updated",
  "indicator.created",
  "indicator.updated",
  "framing.created",
  "framing.updated",
  "event.created",
  "event.updated",
] as const;
export type PublicReferenceChangeAction = (typeof PUBLIC_REFERENCE_CHANGE_ACTIONS)[number];

// An indicator's slug names it in URLs, files and the dataset: lowercase letters, digits and underscores.
const SLUG_CHARACTERS = "[a-z0-9_]";
/** An indicator slug as stored and as URLs carry it; its capture group is the slug. */
export const INDICATOR_SLUG_SOURCE = `(${SLUG_CHARACTERS}+)`;
export const INDICATOR_SLUG_PATTERN = new RegExp(`^${SLUG_CHARACTERS}+$`);
/** A slug given to a new or renamed indicator is also 2 to 80 characters long. */
export const NEW_INDICATOR_SLUG_PATTERN = new RegExp(`^${SLUG_CHARACTERS}{2,80}$`);

const oneOf = (values: readonly string[]) => `Use one of: ${values.join(", ")}.`;

export const ZProducerType = z.enum(PRODUCER_TYPES, { error: oneOf(PRODUCER_TYPES) });
export const ZQualifier = z.enum(QUALIFIERS, { error: oneOf(QUALIFIERS) });
export const ZDatePrecision = z.enum(DATE_PRECISIONS, { error: "Use day, month or year." });
export const ZObservationStatus = z.enum(OBSERVATION_STATUSES);
export const ZIndicatorTheme = z.enum(INDICATOR_THEMES);
export const ZValueKind = z.enum(VALUE_KINDS);
export const ZEventKind = z.enum(EVENT_KINDS);
export const ZRole = z.enum(ROLES);
export const ZSourceClass = z.enum(SOURCE_CLASSES, { error: oneOf(SOURCE_CLASSES) });
export const ZLinkState = z.enum(LINK_STATES);
export const ZProblemReportStatus = z.enum(PROBLEM_REPORT_STATUSES);
