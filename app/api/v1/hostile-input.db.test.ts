import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedFromFiles } from "@/lib/dataset/load-seed";
import { decodeCursor } from "@/lib/public-api/observations";
import { ZQueryBoolean, ZQueryDay, ZQueryLimit, ZQueryList, ZQuerySince } from "@/lib/public-api/query";
import { createCallers, observationInput, TEST_HOST, type Callers } from "@/testing/editor-fixtures";
import {
  BAD_DAYS,
  expectErrorShape,
  expectOutcomes,
  expectRefused,
  HOSTILE_PLAN,
  hostileBody,
  hostileHeaders,
  hostileHeaderText,
  hostileRequest,
  hostileUrlText,
  MINIMUM_HOSTILE_INPUTS,
  plannedInputs,
  PROTOTYPE_KEYS,
  sendHostile,
  totalPlannedInputs,
  type FieldSpec,
  type HostileCounter,
} from "@/testing/hostile-inputs";
import { createTestDatabase, type TestDatabase } from "@/testing/test-database";

// Issue #7: the public API (and the token write path) on the real dataset, with hostile query
// strings, slugs, bodies and headers. A public error is a 4xx with the error shape, never cached.

let database: TestDatabase;
let callers: Callers;
let slugs: string[];
const counter: HostileCounter = { sent: 0 };
const runs = HOSTILE_PLAN.public;

let routes: {
  submit: typeof import("./observations/route");
  indicators: typeof import("./indicators/route");
  indicator: typeof import("./indicators/[slug]/route");
  observations: typeof import("./indicators/[slug]/observations/route");
  events: typeof import("./events/route");
  sources: typeof import("./sources/route");
  changes: typeof import("./changes/route");
  openapi: typeof import("./openapi.json/route");
  oembed: typeof import("../oembed/route");
  health: typeof import("../health/route");
  ready: typeof import("../ready/route");
};

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  await seedFromFiles(database.db);
  callers = await createCallers(database.db);
  slugs = (await database.db.indicator.findMany({ select: { slug: true } })).map((row) => row.slug);
  routes = {
    submit: await import("./observations/route"),
    indicators: await import("./indicators/route"),
    indicator: await import("./indicators/[slug]/route"),
    observations: await import("./indicators/[slug]/observations/route"),
    events: await import("./events/route"),
    sources: await import("./sources/route"),
    changes: await import("./changes/route"),
    openapi: await import("./openapi.json/route"),
    oembed: await import("../oembed/route"),
    health: await import("../health/route"),
    ready: await import("../ready/route"),
  };
});
afterAll(() => database.drop());

const slugParams = (slug: string) => ({ params: Promise.resolve({ slug }) });
const PRODUCER_TYPES = ["government", "ngo", "media", "intergovernmental", "academic"] as const;
const EVENT_KINDS = ["decree", "renewal", "report", "policy", "other"] as const;

/** What a query parameter becomes after a trip through a URL: lone surrogates turn into U+FFFD. */
const throughUrl = (value: string) => new URLSearchParams(new URLSearchParams({ value }).toString()).get("value")!;
const refusedBy = (schema: { safeParse(value: unknown): { success: boolean } }) => (value: string) =>
  !schema.safeParse(throughUrl(value)).success;

type Param = { valid: fc.Arbitrary<string>; invalid: fc.Arbitrary<string> };

const day = fc
  .date({ min: new Date("1990-01-01T00:00:00Z"), max: new Date("2030-12-31T00:00:00Z"), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));
const cursorOf = (text: string) => Buffer.from(text).toString("base64url");
const dayParam: Param = { valid: day, invalid: fc.oneof(fc.constantFrom(...BAD_DAYS), hostileUrlText.filter(refusedBy(ZQueryDay))) };
const limitParam: Param = {
  valid: fc.integer({ min: 1, max: 1000 }).map(String),
  invalid: fc.oneof(
    fc.constantFrom("0", "1001", "-1", "1.5", "abc", "", "1e309", "NaN", "Infinity", "99999999999999999999"),
    hostileUrlText.filter(refusedBy(ZQueryLimit)),
  ),
};
const listParam = (values: readonly [string, ...string[]]): Param => ({
  valid: fc.subarray([...values], { minLength: 1 }).map((chosen) => chosen.join(",")),
  invalid: fc.oneof(
    fc.constantFrom(",", " , ", `${values[0]},nope`, values[0].toUpperCase()),
    hostileUrlText.filter(refusedBy(ZQueryList(values))),
  ),
});

/**
 * Query strings with some valid parameters and at least one poison: a known parameter with a
 * value it refuses, a parameter the endpoint does not know (prototype keys among them), or a
 * contradiction (from after to).
 */
function hostileQuery(params: Record<string, Param>, contradictions: [string, string][][] = []): fc.Arbitrary<string> {
  const names = Object.keys(params);
  const valid = fc
    .subarray(names)
    .chain((chosen) => fc.tuple(...chosen.map((name) => params[name]!.valid.map((value): [string, string] => [name, value]))));
  const unknownKey = fc.oneof(
    fc.constantFrom(...PROTOTYPE_KEYS, "", "FROM", "from ", "limit[]", "a\u0000", "'; --", "%", "callback"),
    hostileUrlText.filter((key) => key.length < 1000 && !names.includes(throughUrl(key))),
  );
  const poisons: fc.Arbitrary<[string, string][]>[] = [
    fc.tuple(unknownKey, hostileUrlText).map(([key, value]): [string, string][] => [[key, value]]),
  ];
  if (names.length)
    poisons.push(fc.constantFrom(...names).chain((name) => params[name]!.invalid.map((value): [string, string][] => [[name, value]])));
  if (contradictions.length) poisons.push(fc.constantFrom(...contradictions));
  return fc.tuple(valid, fc.oneof(...poisons)).map(([good, poison]) => {
    const search = new URLSearchParams(good.filter(([name]) => !poison.some(([key]) => key === name)));
    for (const [key, value] of poison) search.append(key, value);
    return `?${search}`;
  });
}

/** Only valid parameters: for slugs that name nothing. */
function validQuery(params: Record<string, Param>): fc.Arbitrary<string> {
  const names = Object.keys(params);
  return fc
    .subarray(names)
    .chain((chosen) => fc.tuple(...chosen.map((name) => params[name]!.valid.map((value): [string, string] => [name, value]))))
    .map((entries) => `?${new URLSearchParams(entries)}`);
}

const bogusSlug = () =>
  fc
    .oneof(
      hostileUrlText,
      fc.constantFrom(
        "HOMICIDE_RATE",
        "homicide_rate ",
        "homicide_rate%00",
        "homicide_rate\u0000",
        "../../etc/passwd",
        "homicide_rate'--",
        "homicide-rate",
        "",
        "__proto__",
      ),
    )
    .filter((slug) => !slugs.includes(slug));

const get = (path: string, headers: Record<string, string> = {}) =>
  new Request(`http://${TEST_HOST}${path}`, { headers: { host: TEST_HOST, ...headers } });

const publicHeaders = fc.oneof(
  { weight: 6, arbitrary: fc.constant<Record<string, string>>({}) },
  {
    weight: 1,
    arbitrary: hostileHeaderText.map((junk) => ({
      "if-none-match": junk,
      origin: "http://evil.example",
      cookie: `contraste_session=${junk}`,
    })),
  },
);

/** A public refusal: a 4xx with the error shape, readable from any origin and never cached. */
async function expectPublicRefusal(response: Response, context: string) {
  await expectRefused(response.clone(), context);
  expect(response.headers.get("cache-control")).toBe("no-store");
  expect(response.headers.get("access-control-allow-origin")).toBe("*");
}

type QueryCase = { query: string; headers: Record<string, string> };
const queryCases = (query: fc.Arbitrary<string>): fc.Arbitrary<QueryCase> => fc.record({ query, headers: publicHeaders });

describe("the token write path", () => {
  it("POST /api/v1/observations refuses hostile figures from scripts", async () => {
    const fields: FieldSpec[] = [
      { path: ["indicatorSlug"], kind: "reference", known: slugs, required: true },
      { path: ["value"], kind: "decimal", required: true },
      { path: ["valueMax"], kind: "decimal", required: false, nullable: true, alsoInvalid: ["119", "-5"] },
      { path: ["qualifier"], kind: "enum", values: ["exact", "at_least", "more_than", "nearly", "about", "up_to"], required: false },
      { path: ["asOf"], kind: "day", required: true, alsoInvalid: ["2024-03-05"] },
      { path: ["datePrecision"], kind: "enum", values: ["day", "month", "year"], required: true },
      { path: ["producer"], kind: "object", required: true },
      { path: ["producer", "name"], kind: "text", max: 300, required: true },
      { path: ["producer", "type"], kind: "enum", values: [...PRODUCER_TYPES], required: true },
      { path: ["source"], kind: "object", required: true },
      { path: ["source", "url"], kind: "url", required: true },
      { path: ["source", "publisher"], kind: "text", max: 300, required: true },
      { path: ["source", "publishedAt"], kind: "day", required: false, nullable: true },
      { path: ["attribution"], kind: "optionalText", max: 500, required: false, nullable: true },
      { path: ["noteEn"], kind: "optionalText", max: 4000, required: false, nullable: true },
      { path: ["noteEs"], kind: "optionalText", max: 4000, required: false, nullable: true },
    ];
    const outcomes = await sendHostile({
      db: database.db,
      counter,
      runs: runs["POST /api/v1/observations"],
      cases: fc.record({
        headers: hostileHeaders(callers.token, 2),
        body: hostileBody(observationInput({ indicatorSlug: "homicide_rate" }), fields, [[], ["producer"], ["source"]]),
      }),
      send: ({ headers, body }) => routes.submit.POST(hostileRequest("POST", "/api/v1/observations", headers, body)),
    });
    expectOutcomes(outcomes, ["400 invalid_request", "400 invalid_request (NUL)", "401 unauthenticated"]);
  });
});

describe("public GETs", () => {
  const observationParams: Record<string, Param> = {
    from: dayParam,
    to: dayParam,
    producerType: listParam(PRODUCER_TYPES),
    includeRetracted: {
      valid: fc.constantFrom("true", "false"),
      invalid: fc.oneof(fc.constantFrom("TRUE", "1", "yes", ""), hostileUrlText.filter(refusedBy(ZQueryBoolean))),
    },
    format: {
      valid: fc.constantFrom("json", "csv"),
      invalid: fc.oneof(
        fc.constantFrom("xml", "CSV", "json ", "svg", ""),
        hostileUrlText.filter((text) => !["json", "csv"].includes(throughUrl(text))),
      ),
    },
    cursor: {
      valid: fc.tuple(day, fc.stringMatching(/^c[a-z0-9]{24}$/)).map(([asOf, id]) => cursorOf(`${asOf}|${id}`)),
      invalid: fc.oneof(
        fc
          .constantFrom(
            "2024-99-99|abc",
            "0000-01-01|abc",
            "2024-01-01|a\u0000b",
            `2024-01-01|${"x".repeat(100)}`,
            "2024-01-01|a|b",
            '2024-01-01|\'; DROP TABLE "Observation"; --',
            "|",
            "",
          )
          .map(cursorOf),
        hostileUrlText.filter((text) => decodeCursor(throughUrl(text)) === null),
      ),
    },
    limit: limitParam,
  };
  const fromAfterTo: [string, string][] = [
    ["from", "2025-01-01"],
    ["to", "2024-01-01"],
  ];

  it("GET /api/v1/indicators/{slug}/observations refuses hostile queries and slugs", async () => {
    const outcomes = await sendHostile({
      db: database.db,
      counter,
      runs: runs["GET /api/v1/indicators/{slug}/observations"],
      cases: fc.oneof(
        {
          weight: 4,
          arbitrary: fc.record({
            slug: fc.constantFrom(...slugs),
            query: hostileQuery(observationParams, [fromAfterTo]),
            headers: publicHeaders,
          }),
        },
        { weight: 1, arbitrary: fc.record({ slug: bogusSlug(), query: validQuery(observationParams), headers: publicHeaders }) },
      ),
      send: ({ slug, query, headers }) =>
        routes.observations.GET(get(`/api/v1/indicators/x/observations${query}`, headers), slugParams(slug)),
      check: (response) => expectPublicRefusal(response, "observations"),
    });
    expectOutcomes(outcomes, ["400 invalid_parameter", "404 not_found", "400 invalid_request (NUL)"]);
  });

  it("GET /api/v1/indicators refuses unknown parameters", async () => {
    await sendHostile({
      db: database.db,
      counter,
      runs: runs["GET /api/v1/indicators"],
      cases: queryCases(hostileQuery({})),
      send: ({ query, headers }) => routes.indicators.GET(get(`/api/v1/indicators${query}`, headers)),
      check: (response) => expectPublicRefusal(response, "indicators"),
    });
  });

  it("GET /api/v1/indicators/{slug} refuses hostile slugs and parameters", async () => {
    const outcomes = await sendHostile({
      db: database.db,
      counter,
      runs: runs["GET /api/v1/indicators/{slug}"],
      cases: fc.oneof(
        fc.record({ slug: bogusSlug(), query: fc.constant(""), headers: publicHeaders }),
        fc.record({ slug: fc.constantFrom(...slugs), query: hostileQuery({}), headers: publicHeaders }),
      ),
      send: ({ slug, query, headers }) => routes.indicator.GET(get(`/api/v1/indicators/x${query}`, headers), slugParams(slug)),
      check: (response) => expectPublicRefusal(response, "indicator"),
    });
    expectOutcomes(outcomes, ["400 invalid_parameter", "404 not_found"]);
  });

  it("GET /api/v1/events refuses hostile filters", async () => {
    await sendHostile({
      db: database.db,
      counter,
      runs: runs["GET /api/v1/events"],
      cases: queryCases(hostileQuery({ from: dayParam, to: dayParam, kind: listParam(EVENT_KINDS) }, [fromAfterTo])),
      send: ({ query, headers }) => routes.events.GET(get(`/api/v1/events${query}`, headers)),
      check: (response) => expectPublicRefusal(response, "events"),
    });
  });

  it("GET /api/v1/sources refuses unknown parameters", async () => {
    await sendHostile({
      db: database.db,
      counter,
      runs: runs["GET /api/v1/sources"],
      cases: queryCases(hostileQuery({})),
      send: ({ query, headers }) => routes.sources.GET(get(`/api/v1/sources${query}`, headers)),
      check: (response) => expectPublicRefusal(response, "sources"),
    });
  });

  it("GET /api/v1/changes refuses hostile dates and limits", async () => {
    const since: Param = {
      valid: fc.oneof(
        day,
        day.map((value) => `${value}T00:00:00Z`),
      ),
      invalid: fc.oneof(
        fc.constantFrom(
          "0000-01-01T00:00:00Z",
          "0001-01-01T00:00:00+01:00",
          "2024-13-01",
          "yesterday",
          "2024-01-01T25:00:00Z",
          "1e309",
          "2024-01-01 00:00:00",
          "",
          ...BAD_DAYS.filter(refusedBy(ZQuerySince)),
        ),
        hostileUrlText.filter(refusedBy(ZQuerySince)),
      ),
    };
    await sendHostile({
      db: database.db,
      counter,
      runs: runs["GET /api/v1/changes"],
      cases: queryCases(hostileQuery({ since, limit: limitParam })),
      send: ({ query, headers }) => routes.changes.GET(get(`/api/v1/changes${query}`, headers)),
      check: (response) => expectPublicRefusal(response, "changes"),
    });
  });

  it("GET /api/oembed refuses addresses that are not indicator pages of this site", async () => {
    const page = fc
      .tuple(fc.constantFrom("es", "en"), fc.constantFrom(...slugs))
      .map(([locale, slug]) => `http://${TEST_HOST}/${locale}/indicators/${slug}`);
    const size: Param = {
      valid: fc.integer({ min: 1, max: 2000 }).map(String),
      invalid: fc.constantFrom("0", "-1", "1.5", "abc", "", "1e309", "NaN"),
    };
    const params: Record<string, Param> = {
      url: {
        valid: page,
        invalid: fc.oneof(
          hostileUrlText,
          fc.constantFrom(
            "javascript:alert(1)",
            `http://evil.example/es/indicators/homicide_rate`,
            `http://${TEST_HOST}/de/indicators/homicide_rate`,
            `http://${TEST_HOST}/es/indicators/nope`,
            `http://${TEST_HOST}/es/indicators/HOMICIDE_RATE`,
            `http://${TEST_HOST}/es/indicators/homicide_rate%00`,
            `http://${TEST_HOST}/es/sources`,
          ),
        ),
      },
      // An empty format is no format: only other values are refused.
      format: {
        valid: fc.constant("json"),
        invalid: fc.oneof(
          fc.constantFrom("xml", "JSON"),
          hostileUrlText.filter((text) => !["", "json"].includes(throughUrl(text))),
        ),
      },
      maxwidth: size,
      maxheight: size,
    };
    const outcomes = await sendHostile({
      db: database.db,
      counter,
      runs: runs["GET /api/oembed"],
      cases: queryCases(hostileQuery(params)),
      send: ({ query, headers }) => routes.oembed.GET(get(`/api/oembed${query}`, headers)),
      // oEmbed 1.0 answers an unsupported format with 501 Not Implemented (section 2.3.4.3).
      check: async (response) => {
        if (response.status === 501) expect((await expectErrorShape(response, "oembed")).error?.code).toBe("not_implemented");
        else await expectPublicRefusal(response, "oembed");
      },
    });
    expectOutcomes(outcomes, ["400 invalid_parameter", "404 not_found", "501 not_implemented"]);
  });
});

describe("endpoints without input", () => {
  it("GET /api/v1/openapi.json ignores what it is sent", async () => {
    await sendHostile({
      db: database.db,
      counter,
      runs: runs["GET /api/v1/openapi.json"],
      cases: queryCases(hostileQuery({})),
      send: ({ query, headers }) => Promise.resolve(routes.openapi.GET(get(`/api/v1/openapi.json${query}`, headers))),
      check: async (response) => {
        expect(response.status).toBe(200);
        expect((await response.json()).openapi).toMatch(/^3\.1/);
      },
    });
  });

  it("OPTIONS /api/v1/* answers every preflight the same way", async () => {
    const preflights = [
      routes.indicators,
      routes.indicator,
      routes.observations,
      routes.events,
      routes.sources,
      routes.changes,
      routes.openapi,
    ].map((route) => route.OPTIONS);
    await sendHostile({
      db: database.db,
      counter,
      runs: runs["OPTIONS /api/v1/*"],
      cases: fc.constantFrom(...preflights),
      send: (preflight) => Promise.resolve(preflight()),
      check: async (response) => {
        expect(response.status).toBe(204);
        expect(response.headers.get("access-control-allow-methods")).toBe("GET, HEAD, OPTIONS");
      },
    });
  });

  it("GET /api/health and /api/ready stay up", async () => {
    for (const [name, route] of [
      ["GET /api/health", routes.health],
      ["GET /api/ready", routes.ready],
    ] as const) {
      await sendHostile({
        db: database.db,
        counter,
        runs: runs[name],
        cases: fc.constant(null),
        send: () => Promise.resolve(route.GET()),
        check: async (response) => expect(response.status).toBe(200),
      });
    }
  });
});

describe("the count", () => {
  it(`sent every planned input (${plannedInputs("public")} here; ${totalPlannedInputs()} across the three hostile-input files)`, () => {
    expect(counter.sent).toBe(plannedInputs("public"));
    expect(totalPlannedInputs()).toBeGreaterThanOrEqual(MINIMUM_HOSTILE_INPUTS);
  });
});
