import fc from "fast-check";
import { expect } from "vitest";
import type { Database } from "../lib/db/client";
import { TEST_HOST, type Caller } from "./editor-fixtures";

// Generators of malformed and hostile input for the route handlers (issue #7), and the checks every
// refusal must pass: a 4xx with the one error shape, and a database left exactly as it was.

// How many inputs each endpoint gets per run. Each test file sends its section and checks that it
// sent exactly that many; together they send at least MINIMUM_HOSTILE_INPUTS.
export const MINIMUM_HOSTILE_INPUTS = 10_000;
export const HOSTILE_PLAN = {
  editor: {
    "POST /api/editor/setup (no account yet)": 250,
    "POST /api/editor/setup (accounts exist)": 150,
    "POST /api/editor/session": 500,
    "POST /api/editor/session (well-formed, wrong)": 25,
    "DELETE /api/editor/session": 250,
    "POST /api/editor/password": 300,
    "POST /api/editor/users": 350,
    "POST /api/editor/tokens": 300,
    "DELETE /api/editor/tokens/[id]": 250,
    "POST /api/editor/observations": 600,
    "PATCH /api/editor/observations/[id]": 500,
    "POST /api/editor/observations/[id]/publish": 300,
    "POST /api/editor/observations/[id]/retract": 300,
    "POST /api/editor/indicators": 350,
    "PATCH /api/editor/indicators/[id]": 300,
    "POST /api/editor/framings": 350,
    "PATCH /api/editor/framings/[id]": 300,
    "POST /api/editor/events": 350,
    "PATCH /api/editor/events/[id]": 300,
    "PATCH /api/editor/sources/[id]": 300,
    "PATCH /api/editor/producers/[id]": 300,
  },
  imports: {
    "POST /api/editor/imports/preview": 700,
    "POST /api/editor/imports": 700,
    "GET /api/editor/imports/template": 50,
  },
  public: {
    "POST /api/v1/observations": 700,
    "GET /api/v1/indicators": 300,
    "GET /api/v1/indicators/{slug}": 350,
    "GET /api/v1/indicators/{slug}/observations": 700,
    "GET /api/v1/events": 400,
    "GET /api/v1/sources": 200,
    "GET /api/v1/changes": 400,
    "GET /api/oembed": 400,
    "GET /api/v1/openapi.json": 50,
    "OPTIONS /api/v1/*": 50,
    "GET /api/health": 25,
    "GET /api/ready": 25,
  },
} as const;

export const plannedInputs = (section: keyof typeof HOSTILE_PLAN) =>
  Object.values(HOSTILE_PLAN[section]).reduce<number>((sum, runs) => sum + runs, 0);
export const totalPlannedInputs = () =>
  (Object.keys(HOSTILE_PLAN) as (keyof typeof HOSTILE_PLAN)[]).reduce((sum, section) => sum + plannedInputs(section), 0);

// ---------------------------------------------------------------------------------------------
// Payloads

export const SCRIPT_PAYLOADS = [
  "<script>window.__pwned=1</script>",
  '<img src=x onerror="window.__pwned=1">',
  '<svg onload="window.__pwned=1">',
  '"><iframe src=javascript:window.__pwned=1>',
  "</title></textarea><script>window.__pwned=1</script>",
  "]]><x:script>window.__pwned=1</x:script>",
  "{{constructor.constructor('window.__pwned=1')()}}",
  "javascript:window.__pwned=1",
];
export const SQL_PAYLOADS = [
  `'; DROP TABLE "Observation"; --`,
  "\\",
  "$1",
  "%",
  "_",
  "' OR '1'='1",
  `"; SELECT pg_sleep(5); --`,
  "\\'; --",
  '$$; DELETE FROM "User"; $$',
  "%_%",
];
export const FORMULA_PAYLOADS = ['=HYPERLINK("http://evil.example","x")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1", '=cmd|" /C calc"!A0'];
export const PROTOTYPE_KEYS = ["__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "valueOf", "__defineGetter__"];
const NUMBER_LIKE = [
  "NaN",
  "1e309",
  "-0",
  "12abc",
  "Infinity",
  "-Infinity",
  "0x1F",
  "1,5",
  "１２",
  "١٢",
  "1e5",
  "null",
  "undefined",
  "true",
  "[]",
  "{}",
];
const ODD_TEXT = [
  "a\u0000b",
  "\u202Eevil",
  "\uFEFFbom",
  "\uD800",
  "x\uDFFF",
  "💥🇸🇻",
  "\u0007\u0008\u001b[31m",
  "line\r\nbreak",
  "\u0085\u2028\u2029",
  "Ω≈ç√∫",
  "\u0301\u0301\u0301",
];
const METACHARACTERS = [
  "\u0000",
  "\u0001",
  "\u001f",
  "\u007f",
  "'",
  '"',
  "`",
  "\\",
  "<",
  ">",
  "&",
  "%",
  "_",
  ";",
  "-",
  "\n",
  "\r",
  "\t",
  "$",
  "{",
  "}",
  "/",
  "*",
  "=",
  "@",
  "+",
];
const HUGE = ["x".repeat(10_001), "é".repeat(100_000), "<".repeat(1_000_000)];

export const PAYLOADS = [...SCRIPT_PAYLOADS, ...SQL_PAYLOADS, ...FORMULA_PAYLOADS, ...PROTOTYPE_KEYS, ...NUMBER_LIKE, ...ODD_TEXT];

const hostileTextUpTo = (huge: string[]): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...PAYLOADS) },
    { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 30 }) },
    { weight: 2, arbitrary: fc.string({ unit: fc.constantFrom(...METACHARACTERS), maxLength: 20 }) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...PAYLOADS), fc.constantFrom(...PAYLOADS)).map(([a, b]) => `${a}${b}`) },
    { weight: 1, arbitrary: fc.constantFrom(...huge) },
  );

/** Any hostile text: payloads, arbitrary code points, metacharacters, huge strings (up to a million characters). */
export const hostileText: fc.Arbitrary<string> = hostileTextUpTo(HUGE);
/** The same, at most 10,001 characters: a URL cannot carry more through a server's header limit. */
export const hostileUrlText: fc.Arbitrary<string> = hostileTextUpTo(HUGE.slice(0, 1));

/** Text a header may carry (no NUL, CR, LF, nothing above U+00FF), yet hostile. */
export const hostileHeaderText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "%E0%A4%A",
    "%",
    "%%",
    "%00",
    "%0d%0aSet-Cookie:x=1",
    '\'; DROP TABLE "Session"; --',
    "<script>",
    "a".repeat(8000),
    "=;=;=",
    "\u00ff\u00fe",
  ),
  fc.string({ unit: "binary-ascii", maxLength: 60 }).map((text) => text.replace(/[\u0000-\u001f\u007f]/g, "")),
);

// ---------------------------------------------------------------------------------------------
// JSON bodies

/** A token written into the JSON text as is: 1e309, -0, NaN, deep nesting... */
export class RawJson {
  constructor(readonly text: string) {}
}

const MARK = "\u2063raw\u2063";

/** JSON.stringify, except that RawJson values are spliced in verbatim (so the text may not even be JSON). */
export function jsonText(value: unknown): string {
  const raws: string[] = [];
  const text =
    JSON.stringify(value, (_key, item: unknown) => (item instanceof RawJson ? `${MARK}${raws.push(item.text) - 1}${MARK}` : item)) ?? "";
  return text.replace(new RegExp(`"${MARK}(\\d+)${MARK}"`, "g"), (_match, index: string) => raws[Number(index)]!);
}

/** An object whose keys may be "__proto__" or "constructor" as own properties, as JSON.parse makes them. */
function ownKeysObject(entries: [string, unknown][]): Record<string, unknown> {
  const object: Record<string, unknown> = Object.create(null);
  for (const [key, value] of entries) Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  return object;
}

const pollution = fc.constantFrom<unknown>(
  ownKeysObject([
    ["polluted", "yes"],
    ["isAdmin", true],
    ["role", "admin"],
  ]),
  ownKeysObject([["prototype", ownKeysObject([["polluted", "yes"]])]]),
);

export const protoObject: fc.Arbitrary<Record<string, unknown>> = fc
  .array(fc.tuple(fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS), fc.string({ maxLength: 8 })), fc.oneof(pollution, hostileText)), {
    minLength: 1,
    maxLength: 4,
  })
  .map(ownKeysObject);

const deepNesting = fc
  .tuple(fc.constantFrom(64, 1000, 20_000), fc.boolean())
  .map(
    ([depth, arrays]) => new RawJson(arrays ? `${"[".repeat(depth)}${"]".repeat(depth)}` : `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`),
  );

const rawNumbers = fc
  .constantFrom("1e309", "-1e309", "-0", "NaN", "Infinity", "01", ".5", "+1", "0x10", "1_000", "1e-400")
  .map((text) => new RawJson(text));

/** A value of the wrong JSON type for a string or an object field. */
export const wrongType = (nullAllowed: boolean): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    rawNumbers,
    fc.boolean(),
    fc.array(hostileText, { maxLength: 3 }),
    protoObject,
    deepNesting,
    ...(nullAllowed ? [] : [fc.constant(null)]),
  );

const WHITESPACE = ["", " ", "\t\n", "\u00a0", "\u3000 ", "\uFEFF", "\r\n\r\n"];
const whitespaceOnly = fc.constantFrom(...WHITESPACE);
// More than `max` code points (what the schemas' limits count), whatever the payload is made of.
const tooLong = (max: number) =>
  fc.tuple(fc.constantFrom(...PAYLOADS), fc.integer({ min: 1, max: 3 })).map(([payload, times]) => `y${payload}${"y".repeat(max * times)}`);
/** PostgreSQL stores no U+0000: text carrying one must be refused, never stored cut short. */
const withNul = fc.tuple(fc.constantFrom(...PAYLOADS), fc.string({ maxLength: 5 })).map(([a, b]) => `y${a.slice(0, 40)}\u0000${b}y`);

export const BAD_DAYS = [
  "2024-02-30",
  "2023-02-29",
  "0000-01-01",
  "2024-13-01",
  "2024-00-10",
  "2024-01-00",
  "2024-1-1",
  "20240101",
  "2024/01/01",
  "01-01-2024",
  "2024-01-01T00:00:00Z",
  "+275760-09-13",
  "-2024-01-01",
  " 2024-01-01",
  "2024-01-01 ",
  "9999-99-99",
  "2024-01-32",
  "",
  "today",
  "1e309",
  "2024-01-01\u0000",
  "２０２４-01-01",
  "2024-02-29x",
  "2024-01-01'; --",
];
export const BAD_URLS = [
  "javascript:window.__pwned=1",
  "JAVASCRIPT:alert(1)",
  "data:text/html,<script>window.__pwned=1</script>",
  "vbscript:msgbox(1)",
  "ftp://example.org/x",
  "file:///etc/passwd",
  "//example.org/x",
  "example.org",
  "http://",
  "https://",
  "http:// space.org",
  "not a url",
  "",
  " ",
  `https://${"a".repeat(2000)}.org`,
  "mailto:someone@example.org",
  "about:blank",
  "http://[::1",
  "https://example.org/\u0000",
  '\'; DROP TABLE "Source"; --',
];
export const BAD_DECIMALS = [
  "12abc",
  "NaN",
  "Infinity",
  "1e309",
  "1e5",
  "-0.0.0",
  "1,5",
  " ",
  "",
  "0x1F",
  "١٢",
  "１２",
  "+5",
  "--1",
  ".5",
  "5.",
  "1.12345678901",
  "123456789012345678901",
  "- 1",
  "1 000",
  "∞",
  "12\u0000",
  "1'; --",
];
const BAD_VERSIONS: unknown[] = [
  0,
  -1,
  1.5,
  -2147483648,
  1e-7,
  Number.MIN_VALUE,
  "1",
  "one",
  "",
  true,
  [],
  {},
  new RawJson("-0"),
  new RawJson("1e309"),
  new RawJson("NaN"),
  new RawJson("0.0"),
];
const BAD_MOMENTS = [
  "2024-13-01T00:00:00Z",
  "yesterday",
  "2024-01-01",
  "2024-01-01T00:00:00",
  "2024-01-01T00:00:00+02:00",
  "",
  "0",
  "2024-01-01T25:00:00Z",
  "1e309",
  "2024-01-01T00:00:00Z'; --",
];
const BAD_EMAILS = [
  "",
  "not-an-email",
  "a@",
  "@example.org",
  "a@b",
  "<script>@example.org",
  "a b@example.org",
  `'; DROP TABLE "User"; --@example.org`,
  `${"x".repeat(400)}@example.org`,
  "a@example.org\u0000",
  "a@@example.org",
  "\u0000@example.org",
];

export type FieldKind =
  | { kind: "text"; max: number } // required, trimmed, at least one character
  | { kind: "optionalText"; max: number } // may be null or absent
  | { kind: "reference"; known: string[] } // must name a stored record (an indicator's slug)
  | { kind: "enum"; values: readonly string[] }
  | { kind: "day" }
  | { kind: "url" }
  | { kind: "decimal" }
  | { kind: "version" }
  | { kind: "moment" }
  | { kind: "email" }
  | { kind: "newPassword" }
  | { kind: "secret" }
  | { kind: "slug" }
  | { kind: "object" };

export type FieldSpec = FieldKind & {
  path: string[];
  /** Removing it makes the input invalid. */
  required: boolean;
  /** null is a valid value (so never used as a "wrong type"). */
  nullable?: boolean;
  /** Values invalid only in context (an end before the start, a range upside down). */
  alsoInvalid?: unknown[];
};

/** Values that the field's schema, or the database behind it, must refuse. */
export function invalidValue(field: FieldSpec): fc.Arbitrary<unknown> {
  const wrong = wrongType(field.nullable ?? false);
  const extra = field.alsoInvalid?.length ? [fc.constantFrom(...field.alsoInvalid)] : [];
  switch (field.kind) {
    case "text":
      return fc.oneof(whitespaceOnly, tooLong(field.max), withNul, wrong, ...extra);
    case "optionalText":
      return fc.oneof(tooLong(field.max), withNul, wrong, ...extra);
    case "reference":
      return fc.oneof(
        hostileText.filter((text) => !field.known.includes(text.trim())),
        whitespaceOnly,
        wrong,
        ...extra,
      );
    case "enum":
      return fc.oneof(
        hostileText.filter((text) => !field.values.includes(text)),
        fc.constantFrom(...field.values.flatMap((value) => [value.toUpperCase(), ` ${value}`, `${value}\u0000`, `${value}'; --`])),
        wrong,
        ...extra,
      );
    case "day":
      return fc.oneof(fc.constantFrom(...BAD_DAYS), wrong, ...extra);
    case "url":
      return fc.oneof(fc.constantFrom(...BAD_URLS.filter((url) => !(field.nullable && url === ""))), wrong, ...extra);
    case "decimal":
      return fc.oneof(fc.constantFrom(...BAD_DECIMALS), wrong, ...extra);
    case "version":
      return fc.oneof(fc.constantFrom(...BAD_VERSIONS), hostileText, fc.constant(null), protoObject, deepNesting, ...extra);
    case "moment":
      return fc.oneof(
        fc.constantFrom(...BAD_MOMENTS),
        hostileText.filter((text) => !/^\d{4}-\d\d-\d\dT/.test(text)),
        wrong,
        ...extra,
      );
    case "email":
      return fc.oneof(
        fc.constantFrom(...BAD_EMAILS),
        hostileText.filter((text) => !text.includes("@")),
        wrong,
        ...extra,
      );
    case "newPassword":
      return fc.oneof(fc.string({ maxLength: 11 }), fc.constantFrom("x".repeat(257), ...HUGE), wrong, ...extra);
    case "secret":
      return fc.oneof(fc.constantFrom("", "x".repeat(257), ...HUGE), wrong, ...extra);
    case "slug":
      return fc.oneof(
        hostileText.filter((text) => !/^[a-z0-9_]{2,80}$/.test(text)),
        fc.constantFrom("A", "a", "a-b", "x".repeat(81), "ok_slug\u0000"),
        wrong,
        ...extra,
      );
    case "object":
      return fc.oneof(
        wrongType(field.nullable ?? false).filter(
          (value) => typeof value !== "object" || value === null || Array.isArray(value) || value instanceof RawJson,
        ),
        ...extra,
      );
  }
}

type Mutation = { path: string[]; remove: true } | { path: string[]; value: unknown };
type Extra = { container: string[]; key: string; value: unknown };

function clone(value: unknown): unknown {
  return structuredClone(value);
}

function containerAt(root: unknown, path: string[]): Record<string, unknown> | null {
  let node = root;
  for (const key of path) {
    if (typeof node !== "object" || node === null || Array.isArray(node) || node instanceof RawJson) return null;
    node = (node as Record<string, unknown>)[key];
  }
  return typeof node === "object" && node !== null && !Array.isArray(node) && !(node instanceof RawJson)
    ? (node as Record<string, unknown>)
    : null;
}

function applyMutation(root: Record<string, unknown>, mutation: Mutation) {
  const parent = containerAt(root, mutation.path.slice(0, -1));
  if (!parent) return; // an earlier mutation replaced the parent with something else: still invalid
  const key = mutation.path.at(-1)!;
  if ("remove" in mutation) delete parent[key];
  else Object.defineProperty(parent, key, { value: mutation.value, enumerable: true, writable: true, configurable: true });
}

/**
 * Bodies built from a valid one with at least one field made invalid (wrong type, missing,
 * impossible value), perhaps extra or prototype-polluting keys, and now and then no JSON at all.
 */
export function hostileBody(valid: Record<string, unknown>, fields: FieldSpec[], containers: string[][] = [[]]): fc.Arbitrary<string> {
  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    ...fields.map((field) =>
      field.required
        ? fc.oneof(
            invalidValue(field).map((value): Mutation => ({ path: field.path, value })),
            fc.constant<Mutation>({ path: field.path, remove: true }),
          )
        : invalidValue(field).map((value): Mutation => ({ path: field.path, value })),
    ),
  );
  const extra: fc.Arbitrary<Extra> = fc.record({
    container: fc.constantFrom(...containers),
    key: fc.oneof(
      fc.constantFrom(...PROTOTYPE_KEYS, "id", "status", "role", "authorId", "version", "isPublic"),
      fc.string({ maxLength: 10 }),
    ),
    value: fc.oneof(pollution, hostileText, wrongType(false)),
  });
  const mutated = fc
    .record({ mutations: fc.array(mutation, { minLength: 1, maxLength: 3 }), extras: fc.array(extra, { maxLength: 2 }) })
    .map(({ mutations, extras }) => {
      const body = clone(valid) as Record<string, unknown>;
      // Extra keys first: a mutation may then replace their container, which stays invalid.
      for (const { container, key, value } of extras) {
        const target = containerAt(body, container);
        if (target && !fields.some((field) => field.path.join(".") === [...container, key].join("."))) {
          Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
        }
      }
      for (const change of mutations) applyMutation(body, change);
      return jsonText(body);
    });
  return fc.oneof({ weight: 8, arbitrary: mutated }, { weight: 1, arbitrary: notJson }, { weight: 1, arbitrary: wrongTopLevel });
}

/** Text that JSON.parse refuses. */
export const notJson: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "{",
    '{"a":',
    "<xml/>",
    "a=1&b=2",
    "undefined",
    "NaN",
    "'single'",
    "{'a':1}",
    "[1,]",
    "\uFEFF{}",
    "{} {}",
    '{"a":1,}',
    "--\r\nContent-Disposition: form-data",
    `{"x":"${"\\u".repeat(3)}"}`,
  ),
  fc.string({ unit: "binary", minLength: 1, maxLength: 40 }).filter((text) => {
    try {
      JSON.parse(text);
      return false;
    } catch {
      return true;
    }
  }),
);

/** Valid JSON of a type no endpoint takes as its body; the empty body reads as {}. */
export const wrongTopLevel: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom("null", "true", "1", '"text"', "[]", "[{}]", "1e309", "", "   "),
  deepNesting.map((raw) => raw.text),
  protoObject.map((object) => jsonText([object])),
);

// ---------------------------------------------------------------------------------------------
// Headers

const CONTENT_TYPES = [
  "application/json",
  "application/json",
  "application/json",
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "application/json; charset=utf-16",
  "application/xml",
  "image/svg+xml",
  null,
];

/** Credentials and origins that must not get through: junk cookies and tokens, other sites. */
export const hostileCredentials: fc.Arbitrary<Record<string, string | null>> = fc.oneof(
  hostileHeaderText.map((junk) => ({ cookie: `contraste_session=${junk}` })),
  fc.constant({ cookie: "contraste_session=%E0%A4%A" }),
  hostileHeaderText.map((junk) => ({ authorization: `Bearer ${junk}` })),
  fc.constantFrom("Bearer", "Basic YWRtaW46YWRtaW4=", "Bearer ctk_' OR '1'='1", "bearer  ").map((authorization) => ({ authorization })),
  fc
    .constantFrom(
      "http://evil.example",
      "null",
      "javascript:alert(1)",
      `http://${TEST_HOST}.evil.example`,
      "http://contraste.test:1",
      "%%%",
    )
    .map((origin) => ({ origin })),
  fc.constant({ origin: null, "sec-fetch-site": "cross-site" }),
  // A forged X-Forwarded-Host naming the foreign Origin: believed, it would make the request look same-site.
  fc.constant({ "x-forwarded-host": "evil.example", origin: "http://evil.example" }),
);

/** The caller's own headers, with odd content types and now and then hostile credentials. */
export function hostileHeaders(caller: Caller, credentialsWeight = 1): fc.Arbitrary<Record<string, string>> {
  return fc
    .record({
      contentType: fc.constantFrom(...CONTENT_TYPES),
      credentials: fc.oneof({ weight: 12, arbitrary: fc.constant(null) }, { weight: credentialsWeight, arbitrary: hostileCredentials }),
      forwardedFor: fc.oneof({ weight: 9, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: hostileHeaderText }),
    })
    .map(({ contentType, credentials, forwardedFor }) => {
      const headers: Record<string, string | null> = { ...caller.headers, "content-type": contentType, ...credentials };
      if (forwardedFor !== null) headers["x-forwarded-for"] = forwardedFor;
      return Object.fromEntries(Object.entries(headers).filter((entry): entry is [string, string] => entry[1] !== null));
    });
}

export function hostileRequest(method: string, path: string, headers: Record<string, string>, body?: string): Request {
  return new Request(`http://${TEST_HOST}${path}`, { method, headers, body: body === undefined || method === "GET" ? undefined : body });
}

// ---------------------------------------------------------------------------------------------
// Checks

type ErrorBody = { error?: { code?: unknown; message?: unknown } };

/** The one error shape, with a code and a message someone can act on. */
export async function expectErrorShape(response: Response, context: string): Promise<ErrorBody> {
  const text = await response.text();
  let body: ErrorBody;
  try {
    body = JSON.parse(text) as ErrorBody;
  } catch {
    throw new Error(`${context}: ${response.status} answered with a body that is not JSON: ${text.slice(0, 200)}`);
  }
  const { code, message } = body.error ?? {};
  if (typeof code !== "string" || !code || typeof message !== "string" || !message.trim()) {
    throw new Error(`${context}: ${response.status} without the error shape: ${text.slice(0, 300)}`);
  }
  return body;
}

/** A clear refusal: a 4xx (never a 5xx) with the error shape. */
export async function expectRefused(response: Response, context: string): Promise<void> {
  if (response.status < 400 || response.status >= 500) {
    throw new Error(`${context}: expected a 4xx, got ${response.status}: ${(await response.text()).slice(0, 300)}`);
  }
  await expectErrorShape(response, context);
}

const TABLES = [
  "Indicator",
  "Producer",
  "Source",
  "Observation",
  "Framing",
  "Event",
  "User",
  "Session",
  "ApiToken",
  "LoginThrottle",
  "ChangeEntry",
  "_prisma_migrations",
];

/**
 * Every row of every table, hashed. ApiToken.lastUsedAt is left out: a token caller is recorded as
 * seen even when its request is refused. Sign-in may skip LoginThrottle, where failures are counted.
 */
export async function databaseSnapshot(db: Database, options: { ignore?: string[] } = {}): Promise<string> {
  const lines: string[] = [];
  for (const table of TABLES.filter((name) => !options.ignore?.includes(name))) {
    // The table names are this file's constants; nothing here comes from input.
    const [row] = await db.$queryRawUnsafe<{ digest: string; count: bigint }[]>(
      `SELECT md5(coalesce(string_agg(j::text, '|' ORDER BY j::text), '')) AS digest, count(*) AS count
       FROM (SELECT to_jsonb(t) - 'lastUsedAt' AS j FROM "${table}" t) AS rows`,
    );
    lines.push(`${table}: ${row!.count} rows, ${row!.digest}`);
  }
  return lines.join("\n");
}

export function expectNoPrototypePollution() {
  const probe: Record<string, unknown> = {};
  expect(probe.polluted).toBeUndefined();
  expect(probe.isAdmin).toBeUndefined();
  expect(probe.role).toBeUndefined();
}

export type HostileCounter = { sent: number };

async function outcome(response: Response): Promise<string> {
  try {
    const { error } = (await response.json()) as ErrorBody;
    const nul = typeof error?.message === "string" && error.message.includes("U+0000") ? " (NUL)" : "";
    return `${response.status} ${String(error?.code ?? "")}${nul}`.trim();
  } catch {
    return String(response.status);
  }
}

/**
 * Sends `runs` generated requests to one endpoint; each must pass `check` (a clear refusal unless
 * told otherwise), and the database must be the same afterwards as before. Answers how often each
 * outcome ("400 invalid_request", "404 not_found"...) came up, so a test can show its inputs got deep.
 */
export async function sendHostile<Case>(options: {
  db: Database;
  counter: HostileCounter;
  runs: number;
  cases: fc.Arbitrary<Case>;
  send: (input: Case) => Promise<Response>;
  check?: (response: Response, input: Case) => Promise<void>;
  ignoreTables?: string[];
}): Promise<Map<string, number>> {
  const before = await databaseSnapshot(options.db, { ignore: options.ignoreTables });
  const check = options.check ?? ((response: Response) => expectRefused(response, "hostile input"));
  const outcomes = new Map<string, number>();
  await fc.assert(
    fc.asyncProperty(options.cases, async (input) => {
      options.counter.sent += 1;
      const response = await options.send(input);
      const seen = await outcome(response.clone());
      outcomes.set(seen, (outcomes.get(seen) ?? 0) + 1);
      await check(response, input);
    }),
    { numRuns: options.runs, endOnFailure: true },
  );
  expect(await databaseSnapshot(options.db, { ignore: options.ignoreTables })).toBe(before);
  expectNoPrototypePollution();
  return outcomes;
}

/** The outcomes a run must have reached, e.g. ["400 invalid_request", "404 not_found"]. */
export function expectOutcomes(outcomes: Map<string, number>, expected: string[]) {
  expect([...outcomes.keys()], JSON.stringify(Object.fromEntries(outcomes))).toEqual(expect.arrayContaining(expected));
}
