import type { z } from "zod";
import { SOURCE_CLASSES, ZDatePrecision, ZProducerType } from "@/lib/schemas/enums";
import { ZEventInput, ZFramingInput, ZIndicatorInput, ZProducerInput, ZSourceInput } from "@/lib/schemas/reference";

// What each reference form holds: its fields in order, the schema that checks them (the same one
// the route uses) and where it is sent. Shared by the server pages and the client form.

export type EntityName = "source" | "producer" | "framing" | "event" | "indicator";
/** The URL segment of each entity, under /api/editor/ and /[locale]/editor/reference/. */
export type Section = "sources" | "producers" | "framings" | "events" | "indicators";

export type FieldSpec = {
  /** The schema path, dotted for nested objects ("producer.name"), as zod and the server report it. */
  name: string;
  control: "text" | "url" | "date" | "textarea" | "select" | "multiselect" | "checkbox";
  /** Choices of a select; when absent the page supplies them (indicators for a framing or an event). */
  options?: readonly string[];
  optional?: boolean;
  /** Value of a new record's field. */
  initial?: string;
};

export type EntitySpec = { section: Section; schema: z.ZodType; fields: readonly FieldSpec[]; canCreate: boolean };

export const ENTITIES: Record<EntityName, EntitySpec> = {
  source: {
    section: "sources",
    schema: ZSourceInput,
    canCreate: false,
    fields: [
      { name: "url", control: "url" },
      { name: "publisher", control: "text" },
      { name: "publishedAt", control: "date", optional: true },
      { name: "archivedUrl", control: "url", optional: true },
      { name: "sourceClass", control: "select", options: SOURCE_CLASSES },
    ],
  },
  producer: {
    section: "producers",
    schema: ZProducerInput,
    canCreate: false,
    fields: [
      { name: "name", control: "text" },
      { name: "type", control: "select", options: ZProducerType.options },
    ],
  },
  framing: {
    section: "framings",
    schema: ZFramingInput,
    canCreate: true,
    fields: [
      { name: "indicatorSlug", control: "select" },
      { name: "producer.name", control: "text" },
      { name: "producer.type", control: "select", options: ZProducerType.options, initial: "government" },
      { name: "sourceUrl", control: "url" },
      { name: "summaryEs", control: "textarea" },
      { name: "summaryEn", control: "textarea" },
    ],
  },
  event: {
    section: "events",
    schema: ZEventInput,
    canCreate: true,
    fields: [
      { name: "kind", control: "select", options: ZEventInput.shape.kind.options, initial: "decree" },
      { name: "startsOn", control: "date" },
      { name: "endsOn", control: "date", optional: true },
      { name: "datePrecision", control: "select", options: ZDatePrecision.options, initial: "day" },
      { name: "dateNote", control: "text", optional: true },
      { name: "dateNoteEs", control: "text", optional: true },
      { name: "titleEs", control: "text" },
      { name: "titleEn", control: "text" },
      { name: "sourceUrl", control: "url" },
      { name: "appliesToAll", control: "checkbox", optional: true },
      { name: "indicatorSlugs", control: "multiselect", optional: true },
    ],
  },
  indicator: {
    section: "indicators",
    schema: ZIndicatorInput,
    canCreate: true,
    fields: [
      { name: "slug", control: "text" },
      { name: "nameEs", control: "text" },
      { name: "nameEn", control: "text" },
      { name: "descriptionEs", control: "textarea" },
      { name: "descriptionEn", control: "textarea" },
      { name: "unit", control: "text" },
      { name: "unitEs", control: "text", optional: true },
      { name: "theme", control: "select", options: ZIndicatorInput.shape.theme.options, initial: "homicides_violence" },
      { name: "valueKind", control: "select", options: ZIndicatorInput.shape.valueKind.options, initial: "yearly_count" },
    ],
  },
};

export const SECTIONS: readonly Section[] = ["sources", "producers", "framings", "events", "indicators"];

export const entityOf = (section: Section) => (Object.keys(ENTITIES) as EntityName[]).find((name) => ENTITIES[name].section === section)!;
