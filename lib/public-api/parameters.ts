import { z } from "zod";
import { EVENT_KINDS, INDICATOR_SLUG_PATTERN, PRODUCER_TYPES, SOURCE_CLASSES } from "../schemas/enums";
import { DEFAULT_PAGE_SIZE, ZQueryCursor } from "./paging";
import { ZQueryBoolean, ZQueryDay, ZQueryLimit, ZQueryList, ZQuerySince } from "./query";

// The query parameters of each public API route: the route parses its query with the shape, and
// lib/public-api/openapi.ts documents the same shape (a parameter's `description` and `example`
// come from its meta). A cursor is only valid if the list that gave it out can read it back, so the
// shapes with a cursor take that list's decoder.

type CursorDecoder<Cursor> = (cursor: string) => Cursor | null;

const pageSize = ZQueryLimit.optional().meta({ description: `Page size, 1 to 1000 (default ${DEFAULT_PAGE_SIZE})` });
const pageCursor = <Cursor>(decode: CursorDecoder<Cursor>) =>
  ZQueryCursor(decode).optional().meta({ description: "Opaque cursor from meta.nextCursor" });

export const indicatorObservationsParameters = <Cursor>(decode: CursorDecoder<Cursor>) => ({
  from: ZQueryDay.optional().meta({ description: "First as-of date (period start), inclusive", example: "2022-01-01" }),
  to: ZQueryDay.optional().meta({ description: "Last as-of date (period start), inclusive", example: "2025-12-31" }),
  producerType: ZQueryList(PRODUCER_TYPES).optional().meta({ description: "Comma-separated producer types", example: "government,ngo" }),
  hide: ZQueryList(PRODUCER_TYPES)
    .optional()
    .meta({ description: "Comma-separated producer types to leave out (as the indicator page's hide=)", example: "government,media" }),
  includeRetracted: ZQueryBoolean.optional().meta({ description: "Include retracted figures, marked" }),
  sources: z
    .enum(["all", "firsthand"], { error: "must be all or firsthand" })
    .optional()
    .meta({ description: "firsthand leaves out figures from secondary sources (as the indicator page's sources=)" }),
  format: z.enum(["json", "csv"], { error: "must be json or csv" }).optional().meta({ description: "json (default) or csv" }),
  // The figures' list decodes the cursor itself, so the parameter stays the text it was given.
  cursor: z
    .string()
    .refine((cursor) => decode(cursor) !== null, "is not a cursor this API gave out")
    .optional()
    .meta({ description: "Opaque cursor from meta.nextCursor" }),
  limit: pageSize,
  all: ZQueryBoolean.optional().meta({
    description: "true: every matching figure in one response, no cursor (the indicator page's downloads); not with cursor or limit",
  }),
});

export const eventsParameters = <Cursor>(decode: CursorDecoder<Cursor>) => ({
  from: ZQueryDay.optional().meta({ description: "First start date, inclusive" }),
  to: ZQueryDay.optional().meta({ description: "Last start date, inclusive" }),
  kind: ZQueryList(EVENT_KINDS)
    .optional()
    .meta({ description: `Comma-separated kinds: ${EVENT_KINDS.join(", ")}`, example: "renewal" }),
  indicator: z
    .string()
    .max(100, "must be at most 100 characters")
    .regex(INDICATOR_SLUG_PATTERN, "must be an indicator slug")
    .optional()
    .meta({
      description:
        "An indicator's slug: only the events related to that indicator and those that concern every indicator (appliesToAll), as its chart shows them",
      example: "homicide_rate",
    }),
  cursor: pageCursor(decode),
  limit: pageSize,
});

export const sourcesParameters = <Cursor>(decode: CursorDecoder<Cursor>) => ({
  class: ZQueryList(SOURCE_CLASSES)
    .optional()
    .meta({ description: `Comma-separated source classes: ${SOURCE_CLASSES.join(", ")}`, example: "primary,press" }),
  cursor: pageCursor(decode),
  limit: pageSize,
});

export const changesParameters = {
  since: ZQuerySince.optional().meta({
    description: "Only changes at or after this ISO-8601 date-time",
    example: "2025-01-01T00:00:00Z",
  }),
  limit: ZQueryLimit.optional().meta({ description: "At most this many (1 to 1000, default 500)" }),
};
