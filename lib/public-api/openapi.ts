// The OpenAPI 3.1 description of the public API, served at /api/v1/openapi.json and used by the
// contract tests to validate every response. Keep in sync with app/api/v1/**.

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const bilingual = {
  type: "object",
  required: ["es", "en"],
  properties: { es: { type: "string" }, en: { type: "string" } },
  additionalProperties: false,
};
// `unit` was the only unit before Spanish units could be edited; it stays the English one.
const unitInSpanish = { type: ["string", "null"], description: "The unit in Spanish; null where only the English unit (`unit`) is known." };
const nullableBilingual = {
  type: "object",
  required: ["es", "en"],
  properties: { es: { type: ["string", "null"] }, en: { type: ["string", "null"] } },
  additionalProperties: false,
};
const day = { type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}$" };
const producerType = { type: "string", enum: ["government", "ngo", "media", "intergovernmental", "academic"] };

const errorResponses = {
  "400": {
    description: "A parameter is malformed; the message names it and says why.",
    content: { "application/json": { schema: ref("Error") } },
  },
  "404": { description: "Unknown indicator.", content: { "application/json": { schema: ref("Error") } } },
};
const notModified = { "304": { description: "Not modified (If-None-Match matched the ETag)." } };
const cacheHeaders = {
  ETag: { schema: { type: "string" }, description: "Send it back in If-None-Match to get a 304." },
  "Cache-Control": { schema: { type: "string" } },
  "Access-Control-Allow-Origin": { schema: { type: "string", const: "*" } },
};
const ok = (schema: object, description: string, extra: Record<string, unknown> = {}, headers: Record<string, unknown> = cacheHeaders) => ({
  "200": { description, headers, content: { "application/json": { schema }, ...extra } },
  ...notModified,
});
const query = (name: string, description: string, schema: object, example?: string) => ({
  name,
  in: "query",
  required: false,
  description,
  schema,
  ...(example ? { example } : {}),
});
const pageParameters = [
  query("cursor", "Opaque cursor from meta.nextCursor", { type: "string" }),
  query("limit", "Page size, 1 to 1000 (default 500)", { type: "integer", minimum: 1, maximum: 1000 }),
];
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
        responses: {
          ...ok(
            { type: "object", required: ["data"], properties: { data: { type: "array", items: ref("IndicatorSummary") } } },
            "Indicators",
          ),
          ...errorResponses,
        },
      },
    },
    "/api/v1/indicators/{slug}": {
      get: {
        summary: "One indicator with descriptions and framings",
        operationId: "getIndicator",
        parameters: [slug],
        responses: {
          ...ok({ type: "object", required: ["data"], properties: { data: ref("Indicator") } }, "The indicator"),
          ...errorResponses,
        },
      },
    },
    "/api/v1/indicators/{slug}/observations": {
      get: {
        summary: "The figures of one indicator",
        operationId: "listObservations",
        description:
          "Oldest first. Retracted figures only with includeRetracted=true. Follow meta.nextCursor (or the Link header) for more.",
        parameters: [
          slug,
          query("from", "First as-of date (period start), inclusive", day, "2022-01-01"),
          query("to", "Last as-of date (period start), inclusive", day, "2025-12-31"),
          query("producerType", "Comma-separated producer types", { type: "string" }, "government,ngo"),
          query("includeRetracted", "Include retracted figures, marked", { type: "string", enum: ["true", "false"] }),
          query("format", "json (default) or csv", { type: "string", enum: ["json", "csv"] }),
          query("cursor", "Opaque cursor from meta.nextCursor", { type: "string" }),
          query("limit", "Page size, 1 to 1000 (default 500)", { type: "integer", minimum: 1, maximum: 1000 }),
          query(
            "all",
            "true: every matching figure in one response, no cursor (the indicator page's downloads); not with cursor or limit",
            { type: "string", enum: ["true", "false"] },
          ),
        ],
        responses: {
          ...ok(
            {
              type: "object",
              required: ["data", "meta"],
              properties: { data: { type: "array", items: ref("Observation") }, meta: ref("ObservationsMeta") },
            },
            "Figures, each with its source",
            { "text/csv": { schema: { type: "string" } } },
          ),
          ...errorResponses,
        },
      },
    },
    "/api/v1/events": {
      get: {
        summary: "Dated events (decrees, renewals, reports...)",
        operationId: "listEvents",
        description:
          "Oldest first, a page at a time. Follow meta.nextCursor (or the Link header) for more; a request without a cursor gets the first page.",
        parameters: [
          query("from", "First start date, inclusive", day),
          query("to", "Last start date, inclusive", day),
          query("kind", "Comma-separated kinds: decree, renewal, report, policy, other", { type: "string" }, "renewal"),
          ...pageParameters,
        ],
        responses: {
          ...ok(
            {
              type: "object",
              required: ["data", "meta"],
              properties: { data: { type: "array", items: ref("Event") }, meta: ref("PageMeta") },
            },
            "Events",
            {},
            pageHeaders,
          ),
          ...errorResponses,
        },
      },
    },
    "/api/v1/sources": {
      get: {
        summary: "The public source documents",
        operationId: "listSources",
        description:
          "Documents cited by a published or retracted figure, a framing or an event, by URL, a page at a time (a source that only drafts cite is not shown). Follow meta.nextCursor (or the Link header) for more; a request without a cursor gets the first page.",
        parameters: pageParameters,
        responses: {
          ...ok(
            {
              type: "object",
              required: ["data", "meta"],
              properties: { data: { type: "array", items: ref("Source") }, meta: ref("PageMeta") },
            },
            "Sources",
            {},
            pageHeaders,
          ),
          ...errorResponses,
        },
      },
    },
    "/api/v1/changes": {
      get: {
        summary: "The public change log",
        operationId: "listChanges",
        description:
          "Published, corrected and retracted figures, and reviewed changes to producers, sources, indicators, framings and events, newest first, with the reason and the reviewer's display name.",
        parameters: [
          query("since", "Only changes at or after this ISO-8601 date-time", { type: "string" }, "2025-01-01T00:00:00Z"),
          query("limit", "At most this many (1 to 1000, default 500)", { type: "integer", minimum: 1, maximum: 1000 }),
        ],
        responses: {
          ...ok(
            {
              type: "object",
              required: ["data", "meta"],
              properties: { data: { type: "array", items: ref("Change") }, meta: { type: "object" } },
            },
            "Changes",
          ),
          ...errorResponses,
        },
      },
    },
    "/api/v1/observations": {
      post: {
        summary: "Submit a figure as a draft (API token)",
        operationId: "submitObservation",
        description:
          "For scripts: an admin creates a token in the editor (shown once). The figure becomes a draft that a reviewer publishes.",
        security: [{ apiToken: [] }],
        requestBody: { required: true, content: { "application/json": { schema: ref("ObservationInput") } } },
        responses: {
          "201": {
            description: "The draft",
            content: { "application/json": { schema: { type: "object", required: ["data"], properties: { data: { type: "object" } } } } },
          },
          "400": { description: "Invalid fields", content: { "application/json": { schema: ref("Error") } } },
          "401": { description: "Missing, unknown or revoked token", content: { "application/json": { schema: ref("Error") } } },
        },
      },
    },
  },
  components: {
    securitySchemes: { apiToken: { type: "http", scheme: "bearer", description: "Authorization: Bearer ctk_..." } },
    schemas: {
      Error: {
        type: "object",
        required: ["error"],
        properties: {
          error: {
            type: "object",
            required: ["code", "message"],
            properties: { code: { type: "string" }, message: { type: "string" }, details: {} },
          },
        },
      },
      IndicatorSummary: {
        type: "object",
        required: ["slug", "name", "unit", "unitEs", "theme", "valueKind"],
        properties: {
          slug: { type: "string" },
          name: bilingual,
          unit: { type: "string" },
          unitEs: unitInSpanish,
          theme: { type: "string" },
          valueKind: { type: "string" },
        },
        additionalProperties: false,
      },
      Indicator: {
        type: "object",
        required: ["slug", "name", "description", "unit", "unitEs", "theme", "valueKind", "framings"],
        properties: {
          slug: { type: "string" },
          name: bilingual,
          description: bilingual,
          unit: { type: "string" },
          unitEs: unitInSpanish,
          theme: { type: "string" },
          valueKind: { type: "string" },
          framings: {
            type: "array",
            items: {
              type: "object",
              required: ["producer", "summary", "source"],
              properties: {
                producer: ref("Producer"),
                summary: bilingual,
                source: {
                  type: "object",
                  required: ["url"],
                  properties: { url: { type: "string" }, publisher: { type: ["string", "null"] } },
                },
              },
            },
          },
        },
        additionalProperties: false,
      },
      ChangeFigure: {
        type: ["object", "null"],
        required: ["value", "valueMax", "qualifier", "asOf", "datePrecision", "producer", "sourceUrl"],
        properties: {
          value: { type: "string" },
          valueMax: { type: ["string", "null"] },
          qualifier: { type: "string" },
          asOf: day,
          datePrecision: { type: "string" },
          producer: ref("Producer"),
          sourceUrl: { type: "string" },
        },
      },
      Change: { oneOf: [ref("FigureChange"), ref("ReferenceChange")] },
      ReferenceChange: {
        type: "object",
        description:
          "An edit or a new record of reference data readers see, applied by a reviewer who did not propose it. before and after hold the record's public fields (null before a record was added).",
        required: ["id", "action", "entityType", "createdAt", "reason", "reviewer", "indicatorSlug", "before", "after"],
        properties: {
          id: { type: "string" },
          action: {
            type: "string",
            enum: [
              "source.updated",
              "producer.updated",
              "indicator.created",
              "indicator.updated",
              "framing.created",
              "framing.updated",
              "event.created",
              "event.updated",
            ],
          },
          entityType: { type: "string", enum: ["source", "producer", "indicator", "framing", "event"] },
          createdAt: { type: "string", format: "date-time" },
          reason: { type: ["string", "null"] },
          reviewer: { type: ["string", "null"], description: "Display name; never an email" },
          indicatorSlug: { type: ["string", "null"], description: "The indicator an indicator or framing change belongs to" },
          before: { type: ["object", "null"] },
          after: { type: ["object", "null"] },
        },
        additionalProperties: false,
      },
      FigureChange: {
        type: "object",
        required: ["id", "action", "createdAt", "reason", "reviewer", "indicatorSlug", "before", "after"],
        properties: {
          id: { type: "string" },
          action: { type: "string", enum: ["observation.published", "observation.corrected", "observation.retracted"] },
          createdAt: { type: "string", format: "date-time" },
          reason: { type: ["string", "null"] },
          reviewer: { type: ["string", "null"], description: "Display name; never an email" },
          indicatorSlug: { type: ["string", "null"] },
          before: ref("ChangeFigure"),
          after: ref("ChangeFigure"),
        },
        additionalProperties: false,
      },
      Producer: {
        type: "object",
        required: ["name", "type"],
        properties: { name: { type: "string" }, type: producerType },
        additionalProperties: false,
      },
      Observation: {
        type: "object",
        required: [
          "id",
          "indicator",
          "value",
          "valueMax",
          "qualifier",
          "asOf",
          "datePrecision",
          "producer",
          "source",
          "status",
          "version",
          "updatedAt",
        ],
        properties: {
          id: { type: "string" },
          indicator: { type: "string" },
          value: { type: "number", description: "Exactly as stored" },
          valueMax: { type: ["number", "null"], description: "Upper end of a range" },
          qualifier: { type: "string", enum: ["exact", "at_least", "more_than", "nearly", "about", "up_to"] },
          asOf: day,
          datePrecision: { type: "string", enum: ["day", "month", "year"] },
          producer: ref("Producer"),
          source: {
            type: "object",
            required: ["url", "publisher", "publishedAt"],
            properties: {
              url: { type: "string", format: "uri" },
              publisher: { type: ["string", "null"] },
              publishedAt: { type: ["string", "null"] },
            },
            additionalProperties: false,
          },
          attribution: { type: "string" },
          note: nullableBilingual,
          status: { type: "string", enum: ["published", "retracted"] },
          retractionReason: { type: ["string", "null"] },
          version: { type: "integer" },
          updatedAt: { type: "string", format: "date-time" },
        },
        additionalProperties: false,
      },
      ObservationsMeta: {
        type: "object",
        required: ["indicator", "count", "nextCursor"],
        properties: {
          indicator: { type: "string" },
          count: { type: "integer" },
          nextCursor: { type: ["string", "null"] },
          retrievedAt: day,
        },
      },
      PageMeta: {
        type: "object",
        required: ["count", "nextCursor"],
        properties: {
          count: { type: "integer", description: "Items on this page" },
          nextCursor: { type: ["string", "null"], description: "Pass as cursor for the next page; null on the last page" },
        },
        additionalProperties: false,
      },
      Event: {
        type: "object",
        required: ["id", "kind", "startsOn", "endsOn", "datePrecision", "title", "source"],
        properties: {
          id: { type: "string" },
          kind: { type: "string", enum: ["decree", "renewal", "report", "policy", "other"] },
          startsOn: day,
          endsOn: { type: ["string", "null"] },
          datePrecision: { type: "string", enum: ["day", "month", "year"] },
          dateNote: { type: ["string", "null"] },
          title: bilingual,
          source: { type: "object", required: ["url"], properties: { url: { type: "string" }, publisher: { type: ["string", "null"] } } },
        },
        additionalProperties: false,
      },
      Source: {
        type: "object",
        required: ["url", "publisher", "publishedAt", "figureCount"],
        properties: {
          url: { type: "string" },
          publisher: { type: ["string", "null"] },
          publishedAt: { type: ["string", "null"] },
          retrievedAt: { type: ["string", "null"] },
          archivedUrl: { type: ["string", "null"] },
          figureCount: { type: "integer" },
        },
        additionalProperties: false,
      },
      ObservationInput: {
        type: "object",
        required: ["indicatorSlug", "value", "asOf", "datePrecision", "producer", "source"],
        properties: {
          indicatorSlug: { type: "string" },
          value: { type: "string", description: 'Decimal text, e.g. "10.4"' },
          valueMax: { type: ["string", "null"] },
          qualifier: { type: "string", enum: ["exact", "at_least", "more_than", "nearly", "about", "up_to"] },
          asOf: day,
          datePrecision: { type: "string", enum: ["day", "month", "year"] },
          producer: ref("Producer"),
          source: {
            type: "object",
            required: ["url", "publisher"],
            properties: { url: { type: "string" }, publisher: { type: "string" }, publishedAt: { type: ["string", "null"] } },
          },
          noteEn: { type: ["string", "null"] },
          noteEs: { type: ["string", "null"] },
        },
      },
    },
  },
} as const;
