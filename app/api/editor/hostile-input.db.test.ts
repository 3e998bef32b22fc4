import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCallers, createTestIndicator, observationInput, TEST_PASSWORD, type Caller, type Callers } from "@/testing/editor-fixtures";
import {
  expectErrorShape,
  expectOutcomes,
  expectRefused,
  HOSTILE_PLAN,
  hostileBody,
  hostileCredentials,
  hostileHeaders,
  hostileRequest,
  hostileText,
  jsonText,
  MINIMUM_HOSTILE_INPUTS,
  notJson,
  plannedInputs,
  protoObject,
  sendHostile,
  totalPlannedInputs,
  wrongTopLevel,
  type FieldSpec,
  type HostileCounter,
} from "@/testing/hostile-inputs";
import { createTestDatabase, type TestDatabase } from "@/testing/test-database";

// Issue #7: every editor route, called by a caller allowed to reach its validation, gets generated
// malformed and hostile input. Each must answer a clear 4xx with the error shape (never a 5xx), and
// the database must be exactly as it was.

let database: TestDatabase;
let callers: Callers;
const counter: HostileCounter = { sent: 0 };
const runs = HOSTILE_PLAN.editor;

let routes: {
  setup: typeof import("./setup/route");
  session: typeof import("./session/route");
  password: typeof import("./password/route");
  users: typeof import("./users/route");
  tokens: typeof import("./tokens/route");
  token: typeof import("./tokens/[id]/route");
  observations: typeof import("./observations/route");
  observation: typeof import("./observations/[id]/route");
  publish: typeof import("./observations/[id]/publish/route");
  retract: typeof import("./observations/[id]/retract/route");
  indicators: typeof import("./indicators/route");
  indicator: typeof import("./indicators/[id]/route");
  framings: typeof import("./framings/route");
  framing: typeof import("./framings/[id]/route");
  events: typeof import("./events/route");
  event: typeof import("./events/[id]/route");
  source: typeof import("./sources/[id]/route");
  producer: typeof import("./producers/[id]/route");
};

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  routes = {
    setup: await import("./setup/route"),
    session: await import("./session/route"),
    password: await import("./password/route"),
    users: await import("./users/route"),
    tokens: await import("./tokens/route"),
    token: await import("./tokens/[id]/route"),
    observations: await import("./observations/route"),
    observation: await import("./observations/[id]/route"),
    publish: await import("./observations/[id]/publish/route"),
    retract: await import("./observations/[id]/retract/route"),
    indicators: await import("./indicators/route"),
    indicator: await import("./indicators/[id]/route"),
    framings: await import("./framings/route"),
    framing: await import("./framings/[id]/route"),
    events: await import("./events/route"),
    event: await import("./events/[id]/route"),
    source: await import("./sources/[id]/route"),
    producer: await import("./producers/[id]/route"),
  };
  await createTestIndicator(database.db);
});
afterAll(() => database.drop());

const params = (id: string) => ({ params: Promise.resolve({ id }) });
const anonymous: Caller = {
  name: "anonymous",
  headers: { host: "contraste.test", origin: "http://contraste.test", "content-type": "application/json" },
};

const PRODUCER_TYPES = ["government", "ngo", "media", "intergovernmental", "academic"];
const QUALIFIERS = ["exact", "at_least", "more_than", "nearly", "about", "up_to"];
const PRECISIONS = ["day", "month", "year"];
const THEMES = [
  "homicides_violence",
  "state_of_exception",
  "prisons_custody",
  "deportations_cecot",
  "press_freedom_civic_space",
  "public_opinion",
];
const VALUE_KINDS = ["cumulative_count", "yearly_count", "point_in_time_count", "yearly_rate", "share", "rank", "score", "amount"];
const EVENT_KINDS = ["decree", "renewal", "report", "policy", "other"];

const newUserFields: FieldSpec[] = [
  { path: ["email"], kind: "email", required: true },
  { path: ["displayName"], kind: "text", max: 120, required: true },
  { path: ["password"], kind: "newPassword", required: true },
];

function observationFields(prefix: string[] = []): FieldSpec[] {
  const at = (...path: string[]) => [...prefix, ...path];
  return [
    { path: at("indicatorSlug"), kind: "reference", known: ["test_indicator"], required: true },
    { path: at("value"), kind: "decimal", required: true },
    // The base value is 120: a smaller upper end is a range upside down.
    { path: at("valueMax"), kind: "decimal", required: false, nullable: true, alsoInvalid: ["119", "-5", "0"] },
    { path: at("qualifier"), kind: "enum", values: QUALIFIERS, required: false },
    // The base precision is "year": any other day than 1 January contradicts it.
    { path: at("asOf"), kind: "day", required: true, alsoInvalid: ["2024-03-05", "2024-02-01"] },
    { path: at("datePrecision"), kind: "enum", values: PRECISIONS, required: true },
    { path: at("producer"), kind: "object", required: true },
    { path: at("producer", "name"), kind: "text", max: 300, required: true },
    { path: at("producer", "type"), kind: "enum", values: PRODUCER_TYPES, required: true },
    { path: at("source"), kind: "object", required: true },
    { path: at("source", "url"), kind: "url", required: true },
    { path: at("source", "publisher"), kind: "text", max: 300, required: true },
    { path: at("source", "publishedAt"), kind: "day", required: false, nullable: true },
    { path: at("attribution"), kind: "optionalText", max: 500, required: false, nullable: true },
    { path: at("noteEn"), kind: "optionalText", max: 4000, required: false, nullable: true },
    { path: at("noteEs"), kind: "optionalText", max: 4000, required: false, nullable: true },
  ];
}
const observationContainers = (prefix: string[] = []) => [prefix, [...prefix, "producer"], [...prefix, "source"]];

const indicatorInput = (slug: string) => ({
  slug,
  nameEs: "Sintético",
  nameEn: "Synthetic",
  descriptionEs: "D",
  descriptionEn: "D",
  unit: "people",
  theme: "prisons_custody",
  valueKind: "point_in_time_count",
});
const indicatorFields = (prefix: string[] = []): FieldSpec[] => [
  { path: [...prefix, "slug"], kind: "slug", required: true },
  { path: [...prefix, "nameEs"], kind: "text", max: 200, required: true },
  { path: [...prefix, "nameEn"], kind: "text", max: 200, required: true },
  { path: [...prefix, "descriptionEs"], kind: "text", max: 4000, required: true },
  { path: [...prefix, "descriptionEn"], kind: "text", max: 4000, required: true },
  { path: [...prefix, "unit"], kind: "text", max: 200, required: true },
  { path: [...prefix, "theme"], kind: "enum", values: THEMES, required: true },
  { path: [...prefix, "valueKind"], kind: "enum", values: VALUE_KINDS, required: true },
];

const framingInput = {
  indicatorSlug: "test_indicator",
  producer: { name: "Synthetic Gov", type: "government" },
  sourceUrl: "https://example.org/speech",
  summaryEs: "Dice que bajó.",
  summaryEn: "Says it fell.",
};
const framingFields = (prefix: string[] = []): FieldSpec[] => [
  { path: [...prefix, "indicatorSlug"], kind: "reference", known: ["test_indicator"], required: true },
  { path: [...prefix, "producer"], kind: "object", required: true },
  { path: [...prefix, "producer", "name"], kind: "text", max: 300, required: true },
  { path: [...prefix, "producer", "type"], kind: "enum", values: PRODUCER_TYPES, required: true },
  { path: [...prefix, "sourceUrl"], kind: "url", required: true },
  { path: [...prefix, "summaryEs"], kind: "text", max: 4000, required: true },
  { path: [...prefix, "summaryEn"], kind: "text", max: 4000, required: true },
];

const eventInput = {
  kind: "renewal",
  startsOn: "2024-02-01",
  endsOn: null,
  datePrecision: "day",
  dateNote: null,
  titleEs: "Prórroga",
  titleEn: "Renewal",
  sourceUrl: "https://example.org/decree",
};
const eventFields = (prefix: string[] = []): FieldSpec[] => [
  { path: [...prefix, "kind"], kind: "enum", values: EVENT_KINDS, required: true },
  { path: [...prefix, "startsOn"], kind: "day", required: true },
  // The base event starts on 2024-02-01: an end before it is refused.
  { path: [...prefix, "endsOn"], kind: "day", required: false, nullable: true, alsoInvalid: ["2000-01-01", "2024-01-31"] },
  { path: [...prefix, "datePrecision"], kind: "enum", values: PRECISIONS, required: true },
  { path: [...prefix, "dateNote"], kind: "optionalText", max: 1000, required: false, nullable: true },
  { path: [...prefix, "titleEs"], kind: "text", max: 500, required: true },
  { path: [...prefix, "titleEn"], kind: "text", max: 500, required: true },
  { path: [...prefix, "sourceUrl"], kind: "url", required: true },
];

// Reference edits and new records are proposals: { data, reason }, and { version } for an edit.
const REASON = "The report says so, in a sentence.";
const proposalFields: FieldSpec[] = [
  { path: ["data"], kind: "object", required: true },
  { path: ["reason"], kind: "text", max: 2000, required: true, alsoInvalid: ["abcd", "  ab  "] },
];
const seenVersionFields: FieldSpec[] = [{ path: ["version"], kind: "version", required: true }, ...proposalFields];

/** Ids that name nothing: hostile text, near-misses of real ids, SQL. */
function bogusId(real: string[]): fc.Arbitrary<string> {
  return fc
    .oneof(
      hostileText,
      fc.constantFrom(
        "",
        " ",
        "c000000000000000000000000",
        "00000000-0000-0000-0000-000000000000",
        "1 OR 1=1",
        "../../",
        "%00",
        "\u0000",
        ...real.map((id) => `${id}\u0000`),
        ...real.map((id) => `${id}'; --`),
        ...real.map((id) => id.toUpperCase()),
      ),
    )
    .filter((id) => !real.includes(id));
}

type IdCase = { id: string; headers: Record<string, string>; body: string };

/** Hostile bodies against a real record, and valid bodies against records that do not exist. */
function casesForRecord(
  caller: Caller,
  realId: string,
  validBody: Record<string, unknown>,
  fields: FieldSpec[],
  containers: string[][],
): fc.Arbitrary<IdCase> {
  return fc.oneof(
    {
      weight: 4,
      arbitrary: fc.record({ id: fc.constant(realId), headers: hostileHeaders(caller), body: hostileBody(validBody, fields, containers) }),
    },
    {
      weight: 1,
      arbitrary: fc.record({ id: bogusId([realId]), headers: hostileHeaders(caller, 0), body: fc.constant(jsonText(validBody)) }),
    },
  );
}

type BodyCase = { headers: Record<string, string>; body: string };
const bodyCases = (
  caller: Caller,
  validBody: Record<string, unknown>,
  fields: FieldSpec[],
  containers: string[][] = [[]],
): fc.Arbitrary<BodyCase> => fc.record({ headers: hostileHeaders(caller), body: hostileBody(validBody, fields, containers) });

describe("before any account exists", () => {
  it(`POST /api/editor/setup refuses ${runs["POST /api/editor/setup (no account yet)"]} hostile first admins`, async () => {
    expect(await database.db.user.count()).toBe(0);
    await sendHostile({
      db: database.db,
      counter,
      runs: runs["POST /api/editor/setup (no account yet)"],
      cases: bodyCases(anonymous, { email: "first@example.org", displayName: "First", password: TEST_PASSWORD }, newUserFields),
      send: ({ headers, body }) => routes.setup.POST(hostileRequest("POST", "/api/editor/setup", headers, body)),
    });
    expect(await database.db.user.count()).toBe(0);
  });
});

describe("with an account of each role", () => {
  const ids = { draft: "", scriptDraft: "", published: "", source: "", producer: "", framing: "", event: "", indicator: "" };
  const seen: Record<string, number> = {};

  beforeAll(async () => {
    const { db } = database;
    callers = await createCallers(database.db);
    const producer = await db.producer.create({ data: { name: "Synthetic producer", type: "ngo" } });
    const source = await db.source.create({ data: { url: "https://example.org/synthetic", publisher: "Synthetic" } });
    const indicator = await db.indicator.findUniqueOrThrow({ where: { slug: "test_indicator" } });
    const figure = (authorId: string | null, status: "draft" | "published", version: number) =>
      db.observation.create({
        data: {
          indicatorId: indicator.id,
          producerId: producer.id,
          sourceId: source.id,
          value: "10",
          asOf: new Date("2024-01-01T00:00:00Z"),
          datePrecision: "year",
          attribution: "Synthetic",
          authorId,
          status,
          version,
        },
      });
    ids.draft = (await figure(callers.ids.editor, "draft", 1)).id;
    ids.scriptDraft = (await figure(null, "draft", 1)).id;
    ids.published = (await figure(null, "published", 2)).id;
    ids.source = source.id;
    ids.producer = producer.id;
    const framing = await db.framing.create({
      data: { indicatorId: indicator.id, producerId: producer.id, sourceId: source.id, summaryEs: "Dice.", summaryEn: "Says." },
    });
    ids.framing = framing.id;
    const event = await db.event.create({
      data: {
        kind: "renewal",
        startsOn: new Date("2024-02-01T00:00:00Z"),
        datePrecision: "day",
        titleEs: "Prórroga",
        titleEn: "Renewal",
        sourceId: source.id,
      },
    });
    ids.event = event.id;
    const other = await db.indicator.create({ data: indicatorInput("synthetic_hostile") as never });
    ids.indicator = other.id;
    for (const [key, row] of Object.entries({ source, producer, framing, event, indicator: other })) seen[key] = row.version;
  });

  it("POST /api/editor/setup refuses hostile input once accounts exist", async () => {
    await sendHostile({
      db: database.db,
      counter,
      runs: runs["POST /api/editor/setup (accounts exist)"],
      cases: fc.record({
        headers: hostileHeaders(anonymous),
        body: fc.oneof(
          hostileBody({ email: "late@example.org", displayName: "Late", password: TEST_PASSWORD }, newUserFields),
          fc.constant(jsonText({ email: "late@example.org", displayName: "Late", password: TEST_PASSWORD })),
        ),
      }),
      send: ({ headers, body }) => routes.setup.POST(hostileRequest("POST", "/api/editor/setup", headers, body)),
    });
  });

  it("POST /api/editor/session refuses malformed sign-ins", async () => {
    await sendHostile({
      db: database.db,
      counter,
      runs: runs["POST /api/editor/session"],
      cases: bodyCases(anonymous, { email: "editor@example.org", password: "wrong password" }, [
        { path: ["email"], kind: "email", required: true },
        { path: ["password"], kind: "secret", required: true },
      ]),
      send: ({ headers, body }) => routes.session.POST(hostileRequest("POST", "/api/editor/session", headers, body)),
    });
  });

  it("POST /api/editor/session turns away well-formed hostile credentials (counting the failures only)", async () => {
    const emails = fc.constantFrom(
      "editor@example.org",
      "o'brien@example.org",
      "admin+_@example.org",
      "x@example.org",
      "Editor@Example.org",
    );
    const passwords = fc.oneof(
      hostileText.filter((text) => text.length >= 1 && text.length <= 256 && text !== TEST_PASSWORD),
      fc.constantFrom(`${TEST_PASSWORD}\u0000`, ` ${TEST_PASSWORD}`, TEST_PASSWORD.toUpperCase()),
    );
    await sendHostile({
      db: database.db,
      counter,
      runs: runs["POST /api/editor/session (well-formed, wrong)"],
      cases: fc.record({ email: emails, password: passwords, headers: hostileHeaders(anonymous, 0) }),
      send: ({ email, password, headers }) =>
        routes.session.POST(hostileRequest("POST", "/api/editor/session", headers, jsonText({ email, password }))),
      check: async (response) => {
        expect([401, 429]).toContain(response.status);
        await expectErrorShape(response, "sign-in");
      },
      ignoreTables: ["LoginThrottle"],
    });
  });

  it("DELETE /api/editor/session ends no one's session on junk cookies", async () => {
    await sendHostile({
      db: database.db,
      counter,
      runs: runs["DELETE /api/editor/session"],
      cases: fc.record({ credentials: hostileCredentials, body: fc.oneof(notJson, wrongTopLevel, fc.constant(undefined)) }),
      send: ({ credentials, body }) => {
        const headers = Object.fromEntries(
          Object.entries({ ...anonymous.headers, ...credentials }).filter((entry): entry is [string, string] => entry[1] !== null),
        );
        return routes.session.DELETE(hostileRequest("DELETE", "/api/editor/session", headers, body));
      },
      // Signing out with a cookie that names no session is harmless and answered as done; other sites are refused.
      check: async (response) => {
        if (response.status === 200) expect(await response.json()).toEqual({ data: { signedIn: false } });
        else await expectRefused(response, "sign-out");
      },
    });
  });

  it("POST /api/editor/password refuses hostile changes", async () => {
    await sendHostile({
      db: database.db,
      counter,
      runs: runs["POST /api/editor/password"],
      cases: bodyCases(callers.editor, { currentPassword: "not the password", newPassword: "another long password" }, [
        { path: ["currentPassword"], kind: "secret", required: true },
        { path: ["newPassword"], kind: "newPassword", required: true },
      ]),
      send: ({ headers, body }) => routes.password.POST(hostileRequest("POST", "/api/editor/password", headers, body)),
    });
  });

  it("POST /api/editor/users refuses hostile accounts", async () => {
    await sendHostile({
      db: database.db,
      counter,
      runs: runs["POST /api/editor/users"],
      cases: bodyCases(callers.admin, { email: "new@example.org", displayName: "New", password: TEST_PASSWORD, role: "editor" }, [
        ...newUserFields,
        { path: ["role"], kind: "enum", values: ["admin", "reviewer", "editor"], required: true },
      ]),
      send: ({ headers, body }) => routes.users.POST(hostileRequest("POST", "/api/editor/users", headers, body)),
    });
  });

  it("POST /api/editor/tokens refuses hostile token names", async () => {
    await sendHostile({
      db: database.db,
      counter,
      runs: runs["POST /api/editor/tokens"],
      cases: bodyCases(callers.admin, { name: "importer" }, [{ path: ["name"], kind: "text", max: 120, required: true }]),
      send: ({ headers, body }) => routes.tokens.POST(hostileRequest("POST", "/api/editor/tokens", headers, body)),
    });
  });

  it("DELETE /api/editor/tokens/[id] revokes nothing for ids that name no token", async () => {
    const outcomes = await sendHostile({
      db: database.db,
      counter,
      runs: runs["DELETE /api/editor/tokens/[id]"],
      cases: fc.record({
        id: bogusId([callers.ids.token]),
        headers: hostileHeaders(callers.admin),
        body: fc.oneof(fc.constant(undefined), fc.constant("{}"), notJson, wrongTopLevel, protoObject.map(jsonText)),
      }),
      send: ({ id, headers, body }) => routes.token.DELETE(hostileRequest("DELETE", "/api/editor/tokens/x", headers, body), params(id)),
    });
    expectOutcomes(outcomes, ["400 invalid_request", "404 token_not_found"]);
  });

  it("POST /api/editor/observations refuses hostile figures", async () => {
    const outcomes = await sendHostile({
      db: database.db,
      counter,
      runs: runs["POST /api/editor/observations"],
      cases: bodyCases(callers.editor, observationInput(), observationFields(), observationContainers()),
      send: ({ headers, body }) => routes.observations.POST(hostileRequest("POST", "/api/editor/observations", headers, body)),
    });
    // Schema refusals, and text only the database refuses (a NUL), rolled back all the same.
    expectOutcomes(outcomes, ["400 invalid_request", "400 invalid_request (NUL)", "401 unauthenticated", "403 cross_site_refused"]);
  });

  it("PATCH /api/editor/observations/[id] refuses hostile edits and corrections", async () => {
    const fields: FieldSpec[] = [
      { path: ["version"], kind: "version", required: true },
      { path: ["observation"], kind: "object", required: true },
      { path: ["reason"], kind: "text", max: 2000, required: false, nullable: true, alsoInvalid: ["abcd", "  ab  "] },
      ...observationFields(["observation"]),
    ];
    const containers = [[], ...observationContainers(["observation"])];
    const outcomes = await sendHostile({
      db: database.db,
      counter,
      runs: runs["PATCH /api/editor/observations/[id]"],
      cases: fc.oneof(
        casesForRecord(callers.editor, ids.draft, { version: 1, observation: observationInput(), reason: null }, fields, containers),
        casesForRecord(
          callers.editor,
          ids.published,
          { version: 2, observation: observationInput({ value: "121" }), reason: "The report was revised." },
          fields,
          containers,
        ),
      ),
      send: ({ id, headers, body }) =>
        routes.observation.PATCH(hostileRequest("PATCH", "/api/editor/observations/x", headers, body), params(id)),
    });
    expectOutcomes(outcomes, ["400 invalid_request", "404 figure_not_found"]);
  });

  it("POST /api/editor/observations/[id]/publish refuses hostile versions and ids", async () => {
    const outcomes = await sendHostile({
      db: database.db,
      counter,
      runs: runs["POST /api/editor/observations/[id]/publish"],
      cases: casesForRecord(
        callers.reviewer,
        ids.scriptDraft,
        { version: 1 },
        [{ path: ["version"], kind: "version", required: true }],
        [[]],
      ),
      send: ({ id, headers, body }) =>
        routes.publish.POST(hostileRequest("POST", "/api/editor/observations/x/publish", headers, body), params(id)),
    });
    expectOutcomes(outcomes, ["400 invalid_request", "404 figure_not_found"]);
  });

  it("POST /api/editor/observations/[id]/retract refuses hostile retractions", async () => {
    const outcomes = await sendHostile({
      db: database.db,
      counter,
      runs: runs["POST /api/editor/observations/[id]/retract"],
      cases: casesForRecord(
        callers.reviewer,
        ids.published,
        { version: 2, reason: "The source withdrew it." },
        [
          { path: ["version"], kind: "version", required: true },
          { path: ["reason"], kind: "text", max: 2000, required: true, alsoInvalid: ["abcd", "  ab  "] },
        ],
        [[]],
      ),
      send: ({ id, headers, body }) =>
        routes.retract.POST(hostileRequest("POST", "/api/editor/observations/x/retract", headers, body), params(id)),
    });
    expectOutcomes(outcomes, ["400 invalid_request", "404 figure_not_found"]);
  });

  it("POST /api/editor/indicators refuses hostile indicators", async () => {
    await sendHostile({
      db: database.db,
      counter,
      runs: runs["POST /api/editor/indicators"],
      cases: bodyCases(
        callers.editor,
        { data: indicatorInput("synthetic_new"), reason: REASON },
        [...proposalFields, ...indicatorFields(["data"])],
        [[], ["data"]],
      ),
      send: ({ headers, body }) => routes.indicators.POST(hostileRequest("POST", "/api/editor/indicators", headers, body)),
    });
  });

  it("PATCH /api/editor/indicators/[id] refuses hostile edits", async () => {
    const outcomes = await sendHostile({
      db: database.db,
      counter,
      runs: runs["PATCH /api/editor/indicators/[id]"],
      cases: casesForRecord(
        callers.editor,
        ids.indicator,
        { version: seen.indicator, data: indicatorInput("synthetic_hostile"), reason: REASON },
        [...seenVersionFields, ...indicatorFields(["data"])],
        [[], ["data"]],
      ),
      send: ({ id, headers, body }) =>
        routes.indicator.PATCH(hostileRequest("PATCH", "/api/editor/indicators/x", headers, body), params(id)),
    });
    expectOutcomes(outcomes, ["400 invalid_request", "404 record_not_found"]);
  });

  it("POST /api/editor/framings refuses hostile framings", async () => {
    await sendHostile({
      db: database.db,
      counter,
      runs: runs["POST /api/editor/framings"],
      cases: bodyCases(
        callers.editor,
        { data: framingInput, reason: REASON },
        [...proposalFields, ...framingFields(["data"])],
        [[], ["data"], ["data", "producer"]],
      ),
      send: ({ headers, body }) => routes.framings.POST(hostileRequest("POST", "/api/editor/framings", headers, body)),
    });
  });

  it("PATCH /api/editor/framings/[id] refuses hostile edits", async () => {
    const outcomes = await sendHostile({
      db: database.db,
      counter,
      runs: runs["PATCH /api/editor/framings/[id]"],
      cases: casesForRecord(
        callers.editor,
        ids.framing,
        { version: seen.framing, data: framingInput, reason: REASON },
        [...seenVersionFields, ...framingFields(["data"])],
        [[], ["data"], ["data", "producer"]],
      ),
      send: ({ id, headers, body }) => routes.framing.PATCH(hostileRequest("PATCH", "/api/editor/framings/x", headers, body), params(id)),
    });
    expectOutcomes(outcomes, ["400 invalid_request", "404 record_not_found"]);
  });

  it("POST /api/editor/events refuses hostile events", async () => {
    await sendHostile({
      db: database.db,
      counter,
      runs: runs["POST /api/editor/events"],
      cases: bodyCases(callers.editor, { data: eventInput, reason: REASON }, [...proposalFields, ...eventFields(["data"])], [[], ["data"]]),
      send: ({ headers, body }) => routes.events.POST(hostileRequest("POST", "/api/editor/events", headers, body)),
    });
  });

  it("PATCH /api/editor/events/[id] refuses hostile edits", async () => {
    const outcomes = await sendHostile({
      db: database.db,
      counter,
      runs: runs["PATCH /api/editor/events/[id]"],
      cases: casesForRecord(
        callers.editor,
        ids.event,
        { version: seen.event, data: eventInput, reason: REASON },
        [...seenVersionFields, ...eventFields(["data"])],
        [[], ["data"]],
      ),
      send: ({ id, headers, body }) => routes.event.PATCH(hostileRequest("PATCH", "/api/editor/events/x", headers, body), params(id)),
    });
    expectOutcomes(outcomes, ["400 invalid_request", "404 record_not_found"]);
  });

  it("PATCH /api/editor/sources/[id] refuses hostile edits", async () => {
    const valid = {
      version: seen.source,
      data: { url: "https://example.org/synthetic", publisher: "Synthetic", publishedAt: null, archivedUrl: null },
      reason: REASON,
    };
    const outcomes = await sendHostile({
      db: database.db,
      counter,
      runs: runs["PATCH /api/editor/sources/[id]"],
      cases: casesForRecord(
        callers.editor,
        ids.source,
        valid,
        [
          ...seenVersionFields,
          { path: ["data", "url"], kind: "url", required: true },
          { path: ["data", "publisher"], kind: "text", max: 300, required: true },
          { path: ["data", "publishedAt"], kind: "day", required: false, nullable: true },
          { path: ["data", "archivedUrl"], kind: "url", required: false, nullable: true },
        ],
        [[], ["data"]],
      ),
      send: ({ id, headers, body }) => routes.source.PATCH(hostileRequest("PATCH", "/api/editor/sources/x", headers, body), params(id)),
    });
    expectOutcomes(outcomes, ["400 invalid_request", "404 record_not_found"]);
  });

  it("PATCH /api/editor/producers/[id] refuses hostile edits", async () => {
    const outcomes = await sendHostile({
      db: database.db,
      counter,
      runs: runs["PATCH /api/editor/producers/[id]"],
      cases: casesForRecord(
        callers.editor,
        ids.producer,
        { version: seen.producer, data: { name: "Synthetic producer", type: "ngo" }, reason: REASON },
        [
          ...seenVersionFields,
          { path: ["data", "name"], kind: "text", max: 300, required: true },
          { path: ["data", "type"], kind: "enum", values: PRODUCER_TYPES, required: true },
        ],
        [[], ["data"]],
      ),
      send: ({ id, headers, body }) => routes.producer.PATCH(hostileRequest("PATCH", "/api/editor/producers/x", headers, body), params(id)),
    });
    expectOutcomes(outcomes, ["400 invalid_request", "404 record_not_found"]);
  });
});

describe("the count", () => {
  it(`sent every planned input (${plannedInputs("editor")} here; ${totalPlannedInputs()} across the three hostile-input files)`, () => {
    expect(counter.sent).toBe(plannedInputs("editor"));
    expect(totalPlannedInputs()).toBeGreaterThanOrEqual(MINIMUM_HOSTILE_INPUTS);
  });
});
