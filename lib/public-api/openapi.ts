import { z } from "zod";
import { ZObservationInput } from "../schemas/observation";
import {
  ZApiChange,
  ZApiChangeFigure,
  ZApiError,
  ZApiEvent,
  ZApiFigureChange,
  ZApiIndicator,
  ZApiIndicatorSummary,
  ZApiObservation,
  ZApiObservationsMeta,
  ZApiPageMeta,
  ZApiProducer,
  ZApiReferenceChange,
  ZApiSource,
} from "../schemas/public-api";
import { chartSeriesParameters, ZChartSeriesAnswer } from "./chart-series";
import { changesParameters, eventsParameters, indicatorObservationsParameters, sourcesParameters } from "./parameters";

// The OpenAPI 3.1 description of the public API, served at /api/v1/openapi.json and used by the
// contract tests to validate every response. Its schemas are generated from the zod schemas the
// routes parse their queries with (lib/public-api/parameters.ts) and the ones that describe their
// answers (lib/schemas/public-api.ts); the prose around them is written here.

type JsonSchema = { [keyword: string]: unknown };

/** The document's named schemas; an answer that uses one gets a $ref to it. */
const COMPONENTS: Record<string, z.ZodType> = {
  Error: ZApiError,
  IndicatorSummary: ZApiIndicatorSummary,
  Indicator: ZApiIndicator,
  ChangeFigure: ZApiChangeFigure,
  Change: ZApiChange,
  ReferenceChange: ZApiReferenceChange,
  FigureChange: ZApiFigureChange,
  Producer: ZApiProducer,
  Observation: ZApiObservation,
  ObservationsMeta: ZApiObservationsMeta,
  PageMeta: ZApiPageMeta,
  Event: ZApiEvent,
  Source: ZApiSource,
};
const componentUri = (id: string) => `#/components/schemas/${id}`;
const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/**
 * zod's JSON Schema, written the way OpenAPI readers expect: a nullable object as `type: [..., "null"]`
 * like zod already writes nullable strings and numbers, without the keywords that say nothing
 * (`additionalProperties: {}`, empty `properties`) and without JavaScript's safe-integer bounds on
 * every integer, which no count or version comes near.
 */
function tidy(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(tidy);
  if (typeof schema !== "object" || schema === null) return schema;
  const entries = Object.entries(schema).filter(([keyword]) => keyword !== "$schema" && keyword !== "$id");
  const tidied: JsonSchema = Object.fromEntries(entries.map(([keyword, value]) => [keyword, keyword === "const" ? value : tidy(value)]));
  if (isEmptyObject(tidied.additionalProperties)) delete tidied.additionalProperties;
  if (isEmptyObject(tidied.properties)) delete tidied.properties;
  if (tidied.type === "integer" && tidied.minimum === -MAX_SAFE && tidied.maximum === MAX_SAFE) {
    delete tidied.minimum;
    delete tidied.maximum;
  }
  const anyOf = tidied.anyOf as JsonSchema[] | undefined;
  if (anyOf?.length === 2 && anyOf.some(isNullOnly)) {
    const [other] = anyOf.filter((branch) => !isNullOnly(branch));
    if (other && typeof other.type === "string") {
      delete tidied.anyOf;
      return { ...other, ...tidied, type: [other.type, "null"] };
    }
  }
  return tidied;
}
const isEmptyObject = (value: unknown) =>
  typeof value === "object" && value !== null && !Array.isArray(value) && !Object.keys(value).length;
const isNullOnly = (schema: JsonSchema) => schema.type === "null" && Object.keys(schema).length === 1;

/** The components and the given answer bodies, generated together so that a body's $refs point at the components. */
function generateSchemas(bodies: z.ZodType[]) {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(COMPONENTS)) registry.add(schema, { id });
  const bodyIds = bodies.map((body, index) => {
    const known = Object.entries(COMPONENTS).find(([, schema]) => schema === body)?.[0];
    if (known) return { ref: known };
    registry.add(body, { id: `answer-${index}` });
    return { id: `answer-${index}` };
  });
  const { schemas } = z.toJSONSchema(registry, { io: "output", uri: componentUri });
  return {
    components: Object.fromEntries(Object.keys(COMPONENTS).map((id) => [id, tidy(schemas[id])])) as Record<string, JsonSchema>,
    bodies: bodyIds.map((body) => ("ref" in body ? { $ref: componentUri(body.ref!) } : (tidy(schemas[body.id!]) as JsonSchema))),
  };
}

/** A query's parameters, in the shape's order, each with the description and example its meta gives. */
function queryParameters(shape: Record<string, z.ZodType>) {
  return Object.entries(shape).map(([name, schema]) => {
    const { description, example, ...rest } = tidy(z.toJSONSchema(schema, { io: "input" })) as JsonSchema;
    return {
      name,
      in: "query",
      required: !schema.safeParse(undefined).success,
      description,
      schema: rest,
      ...(example ? { example } : {}),
    };
  });
}
// The parameter shapes only need a decoder to parse; documenting them never decodes a cursor.
const documentedCursor = () => null;

const listOf = (item: z.ZodType) => z.looseObject({ data: z.array(item) });
const pageOf = (item: z.ZodType, meta: z.ZodType) => z.looseObject({ data: z.array(item), meta });
const BODIES = {
  indicators: listOf(ZApiIndicatorSummary),
  indicator: z.looseObject({ data: ZApiIndicator }),
  observations: pageOf(ZApiObservation, ZApiObservationsMeta),
  events: pageOf(ZApiEvent, ZApiPageMeta),
  sources: pageOf(ZApiSource, ZApiPageMeta),
  changes: pageOf(ZApiChange, z.looseObject({})),
  chartSeries: z.looseObject({ data: ZChartSeriesAnswer }),
  draft: z.looseObject({ data: z.looseObject({}) }),
  error: ZApiError,
  csv: z.string(),
};
const generated = generateSchemas(Object.values(BODIES));
const body = Object.fromEntries(Object.keys(BODIES).map((name, index) => [name, generated.bodies[index]!])) as Record<
  keyof typeof BODIES,
  JsonSchema
>;

const errorResponses = {
  "400": {
    description: "A parameter is malformed; the message names it and says why.",
    content: { "application/json": { schema: body.error } },
  },
  "404": { description: "Unknown indicator.", content: { "application/json": { schema: body.error } } },
};
const notModified = { "304": { description: "Not modified (If-None-Match matched the ETag)." } };
const cacheHeaders = {
  ETag: { schema: { type: "string" }, description: "Send it back in If-None-Match to get a 304." },
  "Cache-Control": { schema: { type: "string" } },
  "Access-Control-Allow-Origin": { schema: { type: "string", const: "*" } },
};
const ok = (
  schema: JsonSchema,
  description: string,
  extra: Record<string, unknown> = {},
  headers: Record<string, unknown> = cacheHeaders,
) => ({
  "200": { description, headers, content: { "application/json": { schema }, ...extra } },
  ...notModified,
});
const pageHeaders = {
  ...cacheHeaders,
  Link: { schema: { type: "string" }, description: 'The next page, as <path?cursor=...>; rel="next"; absent on the last page.' },
};
const slug = { name: "slug", in: "path", required: true, schema: { type: "string" }, example: "homicide_rate" };

export const openApiDocument = {
  openapi: "3.1.0",
  info: {
    title: "Contraste public API",
    version: "1.0.0",
    description:
      "Official claims and independent evidence on El Salvador's state of exception. Published data only. Every figure carries its producer, source and as-of date; values are exact decimals written as JSON numbers. Figures from different producers are never merged.",
  },
  servers: [{ url: "/" }],
  paths: {
    "/api/v1/indicators": {
      get: {
        summary: "Every indicator",
        operationId: "listIndicators",
        responses: { ...ok(body.indicators, "Indicators"), ...errorResponses },
      },
    },
    "/api/v1/indicators/{slug}": {
      get: {
        summary: "One indicator with descriptions and framings",
        operationId: "getIndicator",
        parameters: [slug],
        responses: { ...ok(body.indicator, "The indicator"), ...errorResponses },
      },
    },
    "/api/v1/indicators/{slug}/observations": {
      get: {
        summary: "The figures of one indicator",
        operationId: "listObservations",
        description:
          "Oldest first. Retracted figures only with includeRetracted=true. Follow meta.nextCursor (or the Link header) for more.",
        parameters: [slug, ...queryParameters(indicatorObservationsParameters(documentedCursor))],
        responses: {
          ...ok(body.observations, "Figures, each with its source", { "text/csv": { schema: body.csv } }),
          ...errorResponses,
        },
      },
    },
    "/api/v1/indicators/{slug}/chart-series": {
      get: {
        summary: "The figures the indicator chart draws",
        operationId: "getChartSeries",
        description:
          "For the indicator page's chart state (hide, from, to, scale, sources): each drawn series with its figures where the chart places them (the middle of each period) and a label in the requested language. Dense series are thinned as the chart thins them; thinning then says how many figures are drawn of how many.",
        parameters: [slug, ...queryParameters(chartSeriesParameters)],
        responses: { ...ok(body.chartSeries, "The drawn series"), ...errorResponses },
      },
    },
    "/api/v1/events": {
      get: {
        summary: "Dated events (decrees, renewals, reports...)",
        operationId: "listEvents",
        description:
          "Oldest first, a page at a time. Follow meta.nextCursor (or the Link header) for more; a request without a cursor gets the first page.",
        parameters: queryParameters(eventsParameters(documentedCursor)),
        responses: { ...ok(body.events, "Events", {}, pageHeaders), ...errorResponses },
      },
    },
    "/api/v1/sources": {
      get: {
        summary: "The public source documents",
        operationId: "listSources",
        description:
          "Documents cited by a published or retracted figure, a framing or an event, by URL, a page at a time (a source that only drafts cite is not shown). Follow meta.nextCursor (or the Link header) for more; a request without a cursor gets the first page.",
        parameters: queryParameters(sourcesParameters(documentedCursor)),
        responses: { ...ok(body.sources, "Sources", {}, pageHeaders), ...errorResponses },
      },
    },
    "/api/v1/changes": {
      get: {
        summary: "The public change log",
        operationId: "listChanges",
        description:
          "Published, corrected and retracted figures, and reviewed changes to producers, sources, indicators, framings and events, newest first, with the reason and the reviewer's display name.",
        parameters: queryParameters(changesParameters),
        responses: { ...ok(body.changes, "Changes"), ...errorResponses },
      },
    },
    "/api/v1/observations": {
      post: {
        summary: "Submit a figure as a draft (API token)",
        operationId: "submitObservation",
        description:
          "For scripts: an admin creates a token in the editor (shown once). The figure becomes a draft that a reviewer publishes.",
        security: [{ apiToken: [] }],
        requestBody: { required: true, content: { "application/json": { schema: { $ref: componentUri("ObservationInput") } } } },
        responses: {
          "201": { description: "The draft", content: { "application/json": { schema: body.draft } } },
          "400": { description: "Invalid fields", content: { "application/json": { schema: body.error } } },
          "401": { description: "Missing, unknown or revoked token", content: { "application/json": { schema: body.error } } },
        },
      },
    },
  },
  components: {
    securitySchemes: { apiToken: { type: "http", scheme: "bearer", description: "Authorization: Bearer ctk_..." } },
    schemas: {
      ...generated.components,
      // What a script sends is read as input: defaults and transforms apply after it.
      ObservationInput: tidy(z.toJSONSchema(ZObservationInput, { io: "input" })) as JsonSchema,
    },
  },
};
