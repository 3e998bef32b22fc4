import net from "node:net";
import { test, type APIRequestContext } from "@playwright/test";
import fc from "fast-check";
import { dataset } from "./dataset";

// Issue #7 for pages: fast-check-generated hostile paths, query strings, headers and methods against
// every page route of the production server. None may get a 5xx; a refusal is a 4xx, a redirect stays
// on this site, and a page that answers is a page (no crash digest, no error text). Requests go through
// Playwright's request context, except where its URL parsing would tidy the hostile bytes away
// (`..`, `%2e%2e`, raw bytes, a forged Host): those go over a bare socket, exactly as written.

const SEED = Number(process.env.HOSTILE_SEED ?? 20_261_128);
const LANES = 3; // properties run side by side, each with its own seed, to keep both cores busy
const sent: Record<string, number> = {};

test.describe.configure({ timeout: 120_000 });
test.afterAll(() => console.log(`hostile page requests (seed ${SEED}): ${JSON.stringify(sent)}`));

// ---------------------------------------------------------------------------------------------
// Sending and checking

type HostileRequest = { method: string; path: string; headers: Record<string, string>; body?: string };
/** `reset`: the server closed the connection before its answer could be read (see sendRaw). */
type Answer = { status: number; headers: Record<string, string>; body: string; reset?: true };

const PAGE_LOCALES = ["es", "en"] as const;
const SLUGS = dataset.indicators.map((indicator) => indicator.slug);
const REFERENCE_ENTITIES = ["indicators", "events", "framings", "producers", "sources"] as const;

/** Cuts a 10 KB path down to something a failure message can show. */
const shown = (text: string) => (text.length > 160 ? `${text.slice(0, 160)}… (${text.length} chars)` : text);
const described = (request: HostileRequest) =>
  [
    `${request.method} ${shown(request.path)}`,
    ...Object.entries(request.headers).map(([name, value]) => `  ${name}: ${shown(value)}`),
  ].join("\n");

async function sendThroughPlaywright(api: APIRequestContext, request: HostileRequest): Promise<Answer> {
  const response = await api.fetch(request.path, {
    method: request.method,
    headers: request.headers,
    data: request.body,
    maxRedirects: 0,
    failOnStatusCode: false,
    timeout: 20_000,
  });
  return { status: response.status(), headers: response.headers(), body: await response.text() };
}

// Node's limit on a request's line and headers; past it the server answers 431 and hangs up.
const MAX_HEADER_BYTES = 16 * 1024;

/**
 * HTTP/1.1 over a bare socket: the request line goes out byte for byte, nothing normalised. A head
 * far past the header limit can be cut off by a reset before the 431 is read: that is `reset`.
 */
function sendRaw(origin: URL, request: HostileRequest): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(origin.port), origin.hostname);
    const chunks: Buffer[] = [];
    let headBytes = 0;
    socket.setTimeout(20_000, () => socket.destroy(new Error("no answer within 20 s")));
    socket.on("connect", () => {
      const headers = {
        host: origin.host,
        ...request.headers,
        connection: "close",
        ...(request.body === undefined ? {} : { "content-length": String(Buffer.byteLength(request.body)) }),
      };
      const head = Buffer.from(
        `${request.method} ${request.path} HTTP/1.1\r\n${Object.entries(headers)
          .map(([name, value]) => `${name}: ${value}\r\n`)
          .join("")}\r\n`,
        "latin1",
      );
      headBytes = head.length;
      socket.write(Buffer.concat([head, Buffer.from(request.body ?? "")]));
    });
    socket.on("data", (chunk: Buffer) => chunks.push(chunk));
    socket.on("error", (error: NodeJS.ErrnoException) => {
      const cutOff = (error.code === "ECONNRESET" || error.code === "EPIPE") && headBytes > MAX_HEADER_BYTES;
      if (!cutOff) return reject(error);
      const received = Buffer.concat(chunks);
      resolve(received.includes("\r\n\r\n") ? parseAnswer(received) : { status: 0, headers: {}, body: "", reset: true });
    });
    socket.on("close", () => {
      try {
        resolve(parseAnswer(Buffer.concat(chunks)));
      } catch (error) {
        reject(error);
      }
    });
  });
}

function parseAnswer(data: Buffer): Answer {
  const headEnd = data.indexOf("\r\n\r\n");
  if (headEnd < 0) throw new Error(`the connection closed without a complete answer (${data.length} bytes)`);
  const [statusLine = "", ...lines] = data.subarray(0, headEnd).toString("latin1").split("\r\n");
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1]);
  const headers = Object.fromEntries(
    lines.map((line) => [line.slice(0, line.indexOf(":")).trim().toLowerCase(), line.slice(line.indexOf(":") + 1).trim()]),
  );
  const body = data.subarray(headEnd + 4);
  return { status, headers, body: (headers["transfer-encoding"] === "chunked" ? dechunked(body) : body).toString("utf8") };
}

function dechunked(data: Buffer): Buffer {
  const parts: Buffer[] = [];
  for (let at = 0; at < data.length;) {
    const lineEnd = data.indexOf("\r\n", at);
    const size = lineEnd < 0 ? 0 : parseInt(data.subarray(at, lineEnd).toString("latin1"), 16);
    if (!size) break;
    parts.push(data.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(parts);
}

// What a crashed render leaves in the HTML: React's error digest (a number; notFound and redirect
// digests start with NEXT_), or Next.js's error text.
const DIGEST = /digest\\*":\\*"([^"\\]*)/g;
const CRASH_TEXT = /Application error: a (?:server|client)-side exception|Internal Server Error|missing required error components/i;

/** No 5xx; a redirect stays on this site; an HTML answer is a page of the site, not a crash. */
function expectNoCrash(origin: URL, request: HostileRequest, answer: Answer, expectedStatus?: number[]) {
  const fail = (why: string) => {
    throw new Error(
      `${why}\n${described(request)}\n→ ${answer.status} ${answer.headers["content-type"] ?? ""}\n${shown(answer.body.replace(/\s+/g, " "))}`,
    );
  };
  if (answer.reset) return; // a head past the server's limit, refused before anything was rendered
  if (!(answer.status >= 200 && answer.status < 500)) fail(`expected no 5xx, got ${answer.status}`);
  if (expectedStatus && !expectedStatus.includes(answer.status)) fail(`expected ${expectedStatus.join(" or ")}, got ${answer.status}`);
  if (answer.status >= 300 && answer.status < 400 && answer.status !== 304) {
    const location = answer.headers.location;
    if (!location) fail("a redirect without a Location");
    if (new URL(location!, origin).origin !== origin.origin) fail(`a redirect off this site: ${location}`);
  }
  if (!answer.headers["content-type"]?.startsWith("text/html") || request.method === "HEAD") return;
  const digests = [...answer.body.matchAll(DIGEST)].map((match) => match[1] ?? "").filter((digest) => !digest.startsWith("NEXT_"));
  if (digests.length) fail(`the render crashed (digest ${digests.join(", ")})`);
  if (CRASH_TEXT.test(answer.body)) fail("the page shows an error");
  const sitePage = /<html lang="(?:es|en)"/.test(answer.body);
  // Next.js's own not-found answers: its default page for an address no route matches, and the shell
  // that carries a page's notFound() (NEXT_HTTP_ERROR_FALLBACK;404) for the client to render.
  const nextNotFound =
    answer.body.includes("NEXT_HTTP_ERROR_FALLBACK;404") || answer.body.includes("<title>404: This page could not be found.</title>");
  if (answer.status === 200 && !sitePage) fail("a 200 that is not a page of the site");
  if (answer.status === 404 && !sitePage && !nextNotFound) fail("a 404 that is neither the site's nor Next.js's not-found page");
}

const messageOf = (error: unknown): string =>
  error instanceof Error
    ? [error.message, ...(error.cause === undefined ? [] : [`Because: ${messageOf(error.cause)}`])].join("\n")
    : String(error);

/** Runs the property in LANES side by side (seeds SEED, SEED+1, …) and reports every lane that failed. */
async function fuzz<Case>(category: string, runs: number, cases: fc.Arbitrary<Case>, check: (input: Case) => Promise<void>) {
  const lanes = await Promise.allSettled(
    Array.from({ length: LANES }, (_, lane) =>
      fc.assert(
        fc.asyncProperty(cases, async (input) => {
          sent[category] = (sent[category] ?? 0) + 1;
          await check(input);
        }),
        { seed: SEED + lane, numRuns: Math.ceil(runs / LANES), endOnFailure: true },
      ),
    ),
  );
  // fast-check names the seed, path and counterexample; the check's own error, what went wrong, is its cause.
  const failures = lanes.flatMap((lane) => (lane.status === "rejected" ? [messageOf(lane.reason)] : []));
  if (failures.length)
    throw new Error(
      `${category}: ${failures.length} of ${LANES} lanes failed; HOSTILE_SEED=${SEED} replays this run.\n\n${failures.join("\n\n")}`,
    );
}

// ---------------------------------------------------------------------------------------------
// Hostile text

const hex = (byte: number) => `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
/** What a browser sends for the text: its UTF-8 bytes, percent-encoded except unreserved ASCII. */
const encoded = (text: string) =>
  [...Buffer.from(text, "utf8")]
    .map((byte) => (/[A-Za-z0-9._~-]/.test(String.fromCharCode(byte)) ? String.fromCharCode(byte) : hex(byte)))
    .join("");
const control = fc.constantFrom(...Array.from({ length: 32 }, (_, byte) => byte), 0x7f);

const SEGMENTS = [
  "%00",
  "a%00b",
  "homicide_rate%00",
  "%00homicide_rate",
  "homi%00cide_rate",
  "%E0%A4%A",
  "%ZZ",
  "%",
  "%%",
  "%2",
  "%C0%AF",
  "%ED%A0%80",
  "%FF%FE",
  "%uD800",
  "..",
  ".",
  "%2e%2e",
  "%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
  "..%2F..%2F",
  "%2F",
  "a%2Fb",
  "%2F%2Fevil.example",
  "%5C",
  "%5C..%5C",
  "%252e%252e",
  "%25",
  "%3B",
  ";x",
  "homicide_rate;x=1",
  "__proto__",
  "constructor",
  "prototype",
  "%F0%9F%92%A5",
  "%EF%BB%BF",
  "%E2%80%AE",
  "%D9%A1%D9%A2",
  "'%20OR%20'1'%3D'1",
  "%3Cscript%3Ewindow.__pwned%3D1%3C%2Fscript%3E",
  "%0D%0ASet-Cookie:%20x=1",
  "%09",
  "%20",
  "+",
  "~",
  "HOMICIDE_RATE",
  "homicide-rate",
  "0",
  "-1",
  "1e309",
  "NaN",
  "null",
  "es",
  "en",
  "api",
  "_next",
  "editor",
  "favicon.ico",
  "feed.xml",
  "index",
  "page",
];
const overlong = fc
  .tuple(fc.constantFrom("x", "%00", "%C3%A9", "..%2F", "%E0%A4%A", "a."), fc.constantFrom(10_240, 15_000, 20_000))
  .map(([unit, bytes]) => unit.repeat(Math.ceil(bytes / unit.length)));

/** One path segment, as it goes on the wire. */
const hostileSegment: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...SEGMENTS) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom("", "a", "homicide_rate"), control, fc.constantFrom("", "b"))
      .map(([a, byte, b]) => `${a}${hex(byte)}${b}`),
  },
  { weight: 2, arbitrary: fc.string({ unit: "binary", minLength: 1, maxLength: 16 }).map(encoded) },
  { weight: 2, arbitrary: fc.uint8Array({ minLength: 1, maxLength: 8 }).map((bytes) => [...bytes].map(hex).join("")) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom(..."!$&'()*+,;=:@-._~%aZ0"), minLength: 1, maxLength: 12 }) },
  { weight: 1, arbitrary: overlong },
);

/** Every dynamic page, with the hostile text in its dynamic segment; and the locale segment itself. */
const PATHS: ((segment: string) => string)[] = [
  (s) => `/${s}`,
  (s) => `/${s}/indicators/homicide_rate`,
  (s) => `/${s}/events`,
  (s) => `/${s}/changes/feed.xml`,
  (s) => `/${s}/editor`,
  (s) => `/es/indicators/${s}`,
  (s) => `/en/indicators/${s}`,
  (s) => `/es/embed/${s}`,
  (s) => `/en/embed/${s}`,
  (s) => `/es/editor/observations/${s}`,
  ...REFERENCE_ENTITIES.map((entity) => (s: string) => `/en/editor/reference/${entity}/${s}`),
  (s) => `/es/indicators/homicide_rate/${s}`,
  (s) => `/en/${s}/homicide_rate`,
  (s) => `/${s}/${s}`,
];

// Bytes that are not even percent-encoded (the server's parser, not Next.js, must refuse most).
const RAW_BYTES = ["\u0000", "\u0001", "\u007f", "\u00ff", "\u00c3\u00a9", "\\", "\\..\\", "\t", "|", "^", "`", "{", "}", '"'];

// ---------------------------------------------------------------------------------------------
// Hostile query strings

const QUERY_KEYS = [
  "hide",
  "from",
  "to",
  "events",
  "view",
  "sort",
  "dir",
  "page",
  "q",
  "next",
  "changed",
  "saved",
  "created",
  "lang",
  "locale",
  "producer",
  "producerType",
  "range",
  "_rsc",
  "__proto__",
  "constructor",
  "prototype",
  "__proto__[polluted]",
  "constructor[prototype][polluted]",
  "page[]",
  "hide[0]",
  "from[]",
  "page.x",
  "",
  "%00",
  "%E0%A4%A",
  "a%26b",
];
const QUERY_VALUES = [
  "",
  "1",
  "0",
  "-1",
  "-0",
  "2",
  "50",
  "2019",
  "2024",
  "1900",
  "2100",
  "1899",
  "2101",
  "NaN",
  "Infinity",
  "-Infinity",
  "1e309",
  "1e-309",
  "1e3",
  "9007199254740993",
  "99999999999999999999",
  "1000000",
  "1000001",
  "100000",
  "0x7E3",
  "2019.5",
  "%EF%BC%92%EF%BC%90%EF%BC%91%EF%BC%99",
  "%D9%A1%D9%A2",
  "true",
  "null",
  "undefined",
  "[]",
  "{}",
  "table",
  "chart",
  "desc",
  "asc",
  "value",
  "producer",
  "publishedAt",
  "asOf",
  "government",
  "government,ngo,academic,media,intergovernmental",
  "government,government",
  ",,,",
  "__proto__",
  "constructor",
  "toString",
  "%00",
  "a%00b",
  "%E0%A4%A",
  "%ZZ",
  "%",
  "%2C",
  "..%2F..%2Fetc%2Fpasswd",
  "/es/editor",
  "/es/editor/observations/%00",
  "//evil.example",
  "https://evil.example",
  "javascript:alert(1)",
  "%0D%0ALocation:%20https://evil.example",
  "%3Cscript%3Ewindow.__pwned%3D1%3C%2Fscript%3E",
  "'%3B%20DROP%20TABLE%20%22Observation%22%3B%20--",
  "x".repeat(8_000),
];
const queryValue: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...QUERY_VALUES) },
  { weight: 2, arbitrary: fc.oneof(fc.integer(), fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.double()).map(String) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 24 }).map(encoded) },
);
const queryPair = fc.tuple(fc.constantFrom(...QUERY_KEYS), queryValue);
/** A query string: odd pairs, now and then one key repeated (an array), at most one 8 KB value. */
const hostileQuery: fc.Arbitrary<string> = fc
  .oneof(
    fc.array(queryPair, { minLength: 1, maxLength: 6 }),
    fc
      .tuple(fc.constantFrom(...QUERY_KEYS), fc.array(queryValue, { minLength: 2, maxLength: 5 }))
      .map(([key, values]) => values.map((value) => [key, value] as [string, string])),
  )
  .map((pairs) => pairs.map(([key, value]) => (value === "" && key.length % 2 ? key : `${key}=${value}`)).join("&"))
  .filter((query) => query.length < 12_000);

// The pages that read their query string, and those that do not (which must ignore it). A public
// page falls back to its defaults and answers 200; an editor page sends a signed-out reader on.
const publicPage = fc.oneof(
  fc
    .tuple(fc.constantFrom(...PAGE_LOCALES), fc.constantFrom(...SLUGS), fc.constantFrom("indicators", "embed"))
    .map(([locale, slug, kind]) => `/${locale}/${kind}/${slug}`),
  fc
    .tuple(fc.constantFrom(...PAGE_LOCALES), fc.constantFrom("", "/changes", "/changes/feed.xml", "/events", "/sources", "/api-docs"))
    .map(([locale, rest]) => `/${locale}${rest}`),
);
const editorPage = fc
  .tuple(
    fc.constantFrom(...PAGE_LOCALES),
    fc.constantFrom(
      "",
      "/sign-in",
      "/setup",
      "/review",
      "/import",
      "/observations/new",
      "/observations/cm0000000000000000000000",
      ...REFERENCE_ENTITIES.map((entity) => `/reference/${entity}`),
    ),
  )
  .map(([locale, rest]) => `/${locale}/editor${rest}`);

// ---------------------------------------------------------------------------------------------
// Hostile headers

const junk = fc.oneof(
  fc.constantFrom(
    "%E0%A4%A",
    "%",
    "%00",
    '\'; DROP TABLE "Session"; --',
    "<script>",
    "=;=;=",
    "__proto__",
    "null",
    "[]",
    "{}",
    "a".repeat(8_000),
    "",
  ),
  fc.string({ unit: "binary-ascii", maxLength: 60 }).map((text) => text.replace(/[\u0000-\u001f\u007f]/g, "")),
);
const ACCEPT_LANGUAGES = [
  "i-klingon",
  "en_US",
  "x-private",
  "zh-Hant-TW-u-ca-chinese-x-foo",
  "123",
  "en--us",
  "und",
  "*",
  "-",
  "en;q=NaN",
  "es;q=1e309,en;q=-1",
  "de-DE-1996-1996",
  "en-a-bbb-a-ccc",
  "root",
  `${"en-aaaaaaaa,".repeat(500)}es`,
];
const FORGED_HOSTS = ["evil.example", "evil.example:666", "[::1", "a b", "evil.example/x?y#z", "127.0.0.1:1@evil.example", "%00", ""];
const STATE_TREES = [
  "garbage",
  "%5B%22%22%5D",
  '["",{"children":["x",{}]},null,null,true]',
  "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
  encodeURIComponent(JSON.stringify(["", { children: ["__proto__", {}] }])),
  "[".repeat(8_000),
];

/** Any mix of hostile language, cookie, router, action, forwarding and caching headers. */
const hostileHeaders: fc.Arbitrary<Record<string, string>> = fc
  .record(
    {
      "accept-language": fc.oneof(fc.constantFrom(...ACCEPT_LANGUAGES), junk),
      cookie: fc.oneof(
        junk.map((value) => `NEXT_LOCALE=${value}`),
        junk.map((value) => `contraste_session=${value}`),
        // The name production reads (lib/auth/cookies.ts), and the device cookie's.
        junk.map((value) => `__Host-contraste_session=${value}`),
        junk.map((value) => `__Host-contraste_device=${value}`),
        fc.constantFrom(
          "NEXT_LOCALE=es; NEXT_LOCALE=en",
          "NEXT_LOCALE",
          "__proto__=x; constructor=y",
          ";;;",
          `big=${"c".repeat(7_000)}`,
          Array.from({ length: 300 }, (_, i) => `c${i}=${i}`).join("; "),
        ),
      ),
      rsc: fc.constantFrom("1", "0", "garbage"),
      "next-router-state-tree": fc.oneof(fc.constantFrom(...STATE_TREES), junk),
      "next-router-prefetch": fc.constantFrom("1", "garbage"),
      "next-router-segment-prefetch": fc.oneof(fc.constantFrom("/_tree", "/__PAGE__", "/../.."), junk),
      "next-url": junk,
      "next-action": fc.oneof(fc.constantFrom("7f0000000000000000000000000000000000000000", "x"), junk),
      "x-forwarded-for": junk,
      "x-forwarded-host": fc.constantFrom(...FORGED_HOSTS),
      "x-forwarded-proto": fc.constantFrom("javascript", "https", "ftp", "", "http,https"),
      "x-middleware-subrequest": fc.constantFrom(
        "middleware:middleware:middleware:middleware:middleware",
        "proxy:proxy:proxy:proxy:proxy",
        "src/middleware:src/middleware:src/middleware:src/middleware:src/middleware",
      ),
      "x-request-id": junk,
      "if-none-match": junk,
      range: fc.constantFrom("bytes=0-0", "bytes=-1", "bytes=99999999999-", "garbage"),
      "accept-encoding": fc.constantFrom("gzip;q=NaN", "br, zstd, *", "identity;q=0", "garbage"),
      accept: fc.constantFrom("text/x-component", "application/json", "*/*;q=abc", "text/html, */*"),
      "x-nextjs-data": fc.constant("1"),
      "x-invoke-path": fc.constantFrom("/api/health", "/es/editor"),
      "x-matched-path": fc.constantFrom("/[locale]/editor/page", "/_error"),
      purpose: fc.constant("prefetch"),
    },
    { requiredKeys: [] },
  )
  .filter((headers) => Object.keys(headers).length > 0);

const headerPage = fc.oneof(
  publicPage,
  editorPage,
  fc.constantFrom("/", "/indicators/homicide_rate", "/events", "/editor", "/es/indicators/no_such_indicator"),
);

// ---------------------------------------------------------------------------------------------
// The journeys

test("hostile path segments on every dynamic page and on the locale get no 5xx", async ({ baseURL }) => {
  const origin = new URL(baseURL!);
  const cases = fc.record({
    path: fc.tuple(fc.constantFrom(...PATHS), hostileSegment).map(([path, segment]) => path(segment)),
    query: fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: hostileQuery }),
  });
  await fuzz("path segments", 900, cases, async ({ path, query }) => {
    const request = { method: "GET", path: query === null ? path : `${path}?${query}`, headers: {} };
    expectNoCrash(origin, request, await sendRaw(origin, request));
  });
  // Very long paths: many segments, up to past the server's 16 KB header limit (a 431, not a 5xx).
  const long = fc
    .tuple(fc.constantFrom("a/", "../", "%2e%2e/", "es/", "%00/", "indicators/homicide_rate/"), fc.integer({ min: 100, max: 8_000 }))
    .map(([unit, times]) => `/${unit.repeat(times)}`);
  await fuzz("very long paths", 60, long, async (path) => {
    const request = { method: "GET", path, headers: {} };
    expectNoCrash(origin, request, await sendRaw(origin, request));
  });
  // Bytes that are not percent-encoded at all, where a page name goes.
  const raw = fc
    .tuple(fc.constantFrom(...PATHS), fc.constantFrom(...RAW_BYTES), fc.constantFrom("", "a", "homicide_rate"))
    .map(([path, bytes, word]) => path(`${word}${bytes}${word}`));
  await fuzz("raw bytes in the request line", 120, raw, async (path) => {
    const request = { method: "GET", path, headers: {} };
    expectNoCrash(origin, request, await sendRaw(origin, request));
  });
});

test("hostile query strings on the pages that read them get the page or a redirect, never a 5xx", async ({ request: api, baseURL }) => {
  const origin = new URL(baseURL!);
  await fuzz("query strings on public pages", 600, fc.tuple(publicPage, hostileQuery), async ([page, query]) => {
    const request = { method: "GET", path: `${page}?${query}`, headers: {} };
    const answer = await sendThroughPlaywright(api, request);
    // Malformed state falls back to the defaults, so an old or mangled link still shows the page.
    expectNoCrash(origin, request, answer, [200]);
    if (page.endsWith("/feed.xml") && !answer.headers["content-type"]?.startsWith("application/atom+xml"))
      throw new Error(`${described(request)}: the feed is not Atom`);
  });
  await fuzz("query strings on editor pages", 210, fc.tuple(editorPage, hostileQuery), async ([page, query]) => {
    const request = { method: "GET", path: `${page}?${query}`, headers: {} };
    expectNoCrash(origin, request, await sendThroughPlaywright(api, request));
  });
});

test("hostile language, cookie, router, action and forwarding headers get no 5xx, and a forged host reaches no one else", async ({
  request: api,
  baseURL,
}) => {
  const origin = new URL(baseURL!);
  await fuzz("headers", 510, fc.tuple(headerPage, hostileHeaders), async ([path, headers]) => {
    const request = { method: "GET", path, headers };
    expectNoCrash(origin, request, await sendThroughPlaywright(api, request));
  });
  // A forged Host or forwarded host, over a bare socket (Playwright sends its own Host). The links it
  // puts in its own page must not end up in the copy other readers get from the response cache.
  const forged = fc.tuple(
    publicPage,
    fc.constantFrom(...FORGED_HOSTS.filter(Boolean)),
    fc.constantFrom("host", "x-forwarded-host"),
    fc.nat(),
  );
  await fuzz("forged hosts", 150, forged, async ([page, host, header, nonce]) => {
    const path = `${page}?forged=${nonce}`;
    const request = { method: "GET", path, headers: { [header]: host } };
    expectNoCrash(origin, request, await sendRaw(origin, request));
    const plain = { method: "GET", path, headers: {} };
    const answer = await sendRaw(origin, plain);
    expectNoCrash(origin, plain, answer, [200]);
    if (answer.body.includes("evil.example")) throw new Error(`${described(request)}\nleft its host in the page other readers get`);
  });
});

test("odd methods and server-action posts to pages get no 5xx", async ({ request: api, baseURL }) => {
  const origin = new URL(baseURL!);
  const actionPost = fc.record({
    method: fc.constant("POST"),
    path: headerPage,
    headers: fc.record({
      "next-action": fc.oneof(fc.constantFrom("7f0000000000000000000000000000000000000000", "x", "$ACTION_ID_x"), junk),
      "content-type": fc.constantFrom(
        "text/plain;charset=UTF-8",
        "multipart/form-data; boundary=x",
        "multipart/form-data",
        "application/x-www-form-urlencoded",
        "application/json",
      ),
    }),
    body: fc.oneof(
      fc.constantFrom(
        "[]",
        '["$@1"]',
        '--x\r\nContent-Disposition: form-data; name="1_$ACTION_ID_x"\r\n\r\n\r\n--x--',
        "$ACTION_ID_x=1",
        "{}",
        "{".repeat(1_000),
      ),
      junk,
    ),
  });
  const otherMethod = fc.record({
    method: fc.constantFrom("HEAD", "OPTIONS", "PUT", "PATCH", "DELETE", "POST", "TRACE", "PROPFIND"),
    path: headerPage,
    headers: fc.constant({}),
    body: fc.option(junk, { nil: undefined }),
  });
  await fuzz("methods and server actions", 255, fc.oneof(actionPost, otherMethod), async (request: HostileRequest) => {
    expectNoCrash(origin, request, await sendThroughPlaywright(api, request));
  });
});
