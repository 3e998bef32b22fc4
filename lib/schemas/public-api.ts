import { z } from "zod";
import {
  PUBLIC_FIGURE_CHANGE_ACTIONS,
  PUBLIC_OBSERVATION_STATUSES,
  PUBLIC_REFERENCE_CHANGE_ACTIONS,
  ZDatePrecision,
  ZEventKind,
  ZProducerType,
  ZQualifier,
  ZSourceClass,
} from "./enums";
import { REFERENCE_ENTITIES } from "./reference";

// What the public API (/api/v1) answers, as zod schemas: lib/public-api/openapi.ts generates the
// OpenAPI document's schemas from them, and the contract tests check every answer against it.
// A strict object says readers get no other field; a loose one leaves that open.

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const moment = z.string().meta({ format: "date-time" });
const nullableText = z.string().nullable();
const bilingual = z.strictObject({ es: z.string(), en: z.string() });
const nullableBilingual = z.strictObject({ es: nullableText, en: nullableText });
// `unit` was the only unit before Spanish units could be edited; it stays the English one.
const unitInSpanish = nullableText.describe("The unit in Spanish; null where only the English unit (`unit`) is known.");
const reviewer = nullableText.describe("Display name; never an email");

export const ZApiError = z.looseObject({
  error: z.looseObject({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});

export const ZApiProducer = z.strictObject({ name: z.string(), type: ZProducerType });

export const ZApiIndicatorSummary = z.strictObject({
  slug: z.string(),
  name: bilingual,
  unit: z.string(),
  unitEs: unitInSpanish,
  theme: z.string(),
  valueKind: z.string(),
});

export const ZApiIndicator = z.strictObject({
  slug: z.string(),
  name: bilingual,
  description: bilingual,
  unit: z.string(),
  unitEs: unitInSpanish,
  theme: z.string(),
  valueKind: z.string(),
  framings: z.array(
    z.looseObject({
      producer: ZApiProducer,
      summary: bilingual,
      source: z.looseObject({ url: z.string(), publisher: nullableText.optional() }),
    }),
  ),
});

export const ZApiChangeFigure = z
  .looseObject({
    value: z.string(),
    valueMax: nullableText,
    qualifier: z.string(),
    asOf: day,
    datePrecision: z.string(),
    producer: ZApiProducer,
    sourceUrl: z.string(),
  })
  .nullable();

export const ZApiFigureChange = z.strictObject({
  id: z.string(),
  action: z.enum(PUBLIC_FIGURE_CHANGE_ACTIONS),
  createdAt: moment,
  reason: nullableText,
  reviewer,
  indicatorSlug: nullableText,
  before: ZApiChangeFigure,
  after: ZApiChangeFigure,
});

const publicFields = z.looseObject({}).nullable();
export const ZApiReferenceChange = z
  .strictObject({
    id: z.string(),
    action: z.enum(PUBLIC_REFERENCE_CHANGE_ACTIONS),
    entityType: z.enum(REFERENCE_ENTITIES),
    createdAt: moment,
    reason: nullableText,
    reviewer,
    indicatorSlug: nullableText.describe("The indicator an indicator or framing change belongs to"),
    before: publicFields,
    after: publicFields,
  })
  .meta({
    description:
      "An edit or a new record of reference data readers see, applied by a reviewer who did not propose it. before and after hold the record's public fields (null before a record was added).",
  });

export const ZApiChange = z.xor([ZApiFigureChange, ZApiReferenceChange]);

// What every source says of itself wherever the API shows one (a figure's, an event's, /sources).
const sourceClass = ZSourceClass.describe(
  "primary: published by the producer itself; press: an established newsroom reporting it; secondary: a republication, aggregator, mirror or forum (the original was not available)",
);
const archivedUrl = nullableText.describe("An archived copy of the document, where one is known");
const brokenSince = nullableText.describe("Day the link checker first found the address gone, while it stays gone; null otherwise");

export const ZApiFigureSource = z.strictObject({
  url: z.string().meta({ format: "uri" }),
  publisher: nullableText,
  publishedAt: nullableText.describe("Day the source published the document, where it says"),
  retrievedAt: nullableText.describe("Day the figure was read from the source"),
  class: sourceClass,
  archivedUrl,
  brokenSince,
});

export const ZApiObservation = z.strictObject({
  id: z.string(),
  indicator: z.string(),
  value: z.number().describe("Exactly as stored"),
  valueMax: z.number().nullable().describe("Upper end of a range"),
  qualifier: ZQualifier,
  asOf: day,
  datePrecision: ZDatePrecision,
  producer: ZApiProducer,
  source: ZApiFigureSource,
  attribution: z.string().optional(),
  note: nullableBilingual.optional(),
  status: z.enum(PUBLIC_OBSERVATION_STATUSES),
  retractionReason: nullableText.optional(),
  version: z.int(),
  updatedAt: moment,
});

export const ZApiObservationsMeta = z.looseObject({
  indicator: z.string(),
  count: z.int(),
  nextCursor: nullableText,
  retrievedAt: day.optional(),
});

export const ZApiPageMeta = z.strictObject({
  count: z.int().describe("Items on this page"),
  nextCursor: nullableText.describe("Pass as cursor for the next page; null on the last page"),
});

export const ZApiEvent = z.strictObject({
  id: z.string(),
  kind: ZEventKind,
  startsOn: day,
  endsOn: nullableText,
  datePrecision: ZDatePrecision,
  // The English note, as before dateNotes had both languages.
  dateNote: nullableText.optional(),
  dateNotes: z
    .strictObject({ es: nullableText, en: nullableText })
    .describe("Contraste's note on the date in each language; null where it has none in that language"),
  title: bilingual,
  source: z.looseObject({ url: z.string(), publisher: nullableText.optional(), class: sourceClass }),
  appliesToAll: z.boolean().describe("True for an event that concerns every indicator (the declaration of the state of exception)"),
  indicators: z.array(z.string()).describe("Slugs of the indicators the event concerns (empty when appliesToAll)"),
});

export const ZApiSource = z.strictObject({
  url: z.string(),
  publisher: nullableText,
  publishedAt: nullableText.describe("Day the source published the document, where it says"),
  retrievedAt: nullableText.describe("Day the document was read, where it is known"),
  class: sourceClass,
  archivedUrl,
  brokenSince,
  figureCount: z.int(),
});
