import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { gzip } from "node:zlib";
import { etagOf, ifNoneMatchIncludes } from "../../lib/api/etag";
import type { ResponseCache } from "./response-cache";
import { isNextInternalRequest } from "./next-internal";
import { publicRoute, type PublicRoute } from "../../lib/public-routes";
import { MAX_STORED_BYTES, unstorableReason } from "./storable";

type Handler = (req: IncomingMessage, res: ServerResponse) => unknown;

export type CachingOptions = {
  /**
   * CONTRASTE_PUBLIC_URL: pages then link to this origin whatever Host the reader sent, so one copy
   * serves every Host. Unset, pages link to the Host (and forwarded host and protocol) the reader
   * sent, and a copy is kept per origin.
   */
  publicOrigin?: string;
};

// Headers that describe one rendering, or one exchange, rather than the content.
const NOT_KEPT = new Set([
  "date",
  "connection",
  "keep-alive",
  "transfer-encoding",
  "content-length",
  "content-encoding",
  "etag",
  "vary",
  "x-contraste-cache",
  "x-request-id",
]);

// A cached response is rendered for a reader: nothing personal, no conditions, the plain body.
const NOT_FORWARDED_ON_FILL = [
  "cookie",
  "authorization",
  "accept-encoding",
  "if-none-match",
  "if-modified-since",
  "if-match",
  "if-unmodified-since",
  "range",
  "if-range",
];

/** Whether the client takes gzip: named (or `*`) with a quality above 0. */
export function acceptsGzip(header: string | string[] | undefined): boolean {
  let gzip: number | undefined;
  let any: number | undefined;
  for (const part of String(header ?? "").split(",")) {
    const [coding = "", ...parameters] = part.trim().toLowerCase().split(";");
    const q = parameters.map((parameter) => parameter.trim()).find((parameter) => parameter.startsWith("q="));
    const quality = q === undefined ? 1 : Number(q.slice(2));
    if (coding.trim() === "gzip" || coding.trim() === "x-gzip") gzip = quality;
    else if (coding.trim() === "*") any = quality;
  }
  return (gzip ?? any ?? 0) > 0;
}

/** A Vary that names Accept-Encoding (the cache compresses for those who ask) beside what Next.js varies on. */
function withAcceptEncoding(vary: unknown): string {
  const names = (Array.isArray(vary) ? vary.join(",") : String(vary ?? ""))
    .split(",")
    .map((name) => name.trim())
    .filter(Boolean);
  if (names.includes("*")) return "*";
  if (!names.some((name) => name.toLowerCase() === "accept-encoding")) names.push("Accept-Encoding");
  return names.join(", ");
}

// How long a reader waits for someone else's render of the same page before rendering it too: a
// render whose own reader downloads slowly must not hold the others.
const MAX_WAIT_MS = 5_000;
const waitAtMost = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

type Request = { route: PublicRoute; pathname: string; origin: string; key: string };

/**
 * What a plain reader's GET of a public path is, or null when the request must go to Next.js as it is.
 * Pages write absolute links from the address the reader used (lib/site-origin.ts, the feed, oEmbed, the
 * language links), so unless CONTRASTE_PUBLIC_URL fixes it, the origin is part of the key: a request with
 * a forged Host must not leave its links in the copy every other reader gets.
 */
function cacheableRequest(req: IncomingMessage, options: CachingOptions): Request | null {
  if (req.method !== "GET" && req.method !== "HEAD") return null;
  const url = req.url ?? "/";
  if (!url.startsWith("/")) return null;
  const queryAt = url.indexOf("?");
  const pathname = queryAt === -1 ? url : url.slice(0, queryAt);
  const params = new URLSearchParams(queryAt === -1 ? "" : url.slice(queryAt + 1));
  const route = publicRoute(pathname, params);
  if (!route || isNextInternalRequest(Object.keys(req.headers), params)) return null;
  const { host, "x-forwarded-host": forwardedHost, "x-forwarded-proto": forwardedProto } = req.headers;
  const origin = options.publicOrigin ?? JSON.stringify([host ?? "", forwardedHost ?? "", forwardedProto ?? ""]);
  return { route, pathname, origin, key: JSON.stringify([origin, pathname + route.query]) };
}

/** Turns a reader's request into the one request the copy is rendered from. */
function prepareFill(req: IncomingMessage, request: Request, options: CachingOptions) {
  req.url = request.pathname + request.route.query;
  for (const name of NOT_FORWARDED_ON_FILL) delete req.headers[name];
  if (options.publicOrigin) {
    const { host, protocol } = new URL(options.publicOrigin);
    req.headers.host = host;
    req.headers["x-forwarded-host"] = host;
    req.headers["x-forwarded-proto"] = protocol.replace(":", "");
  }
}

/**
 * Serves public GETs from the cache and fills it on a miss by recording what Next.js sends.
 * Anything not public (editor pages, writes, Next.js's own requests) goes straight to Next.
 */
export function createCachingHandler(next: Handler, cache: ResponseCache, options: CachingOptions = {}): Handler {
  // Renders under way, by cache key: when a story breaks, a hundred readers of a page that just changed
  // wait for one render instead of starting a hundred.
  const rendering = new Map<string, Promise<void>>();

  const serve = (req: IncomingMessage, res: ServerResponse, request: Request, waited: boolean): unknown => {
    const { key } = request;
    const hit = cache.get(key);
    if (hit) {
      const headers: OutgoingHttpHeaders = { ...hit.headers, etag: hit.etag, "x-contraste-cache": "hit" };
      if (ifNoneMatchIncludes(req.headers["if-none-match"], hit.etag)) {
        res.writeHead(304, headers);
        return res.end();
      }
      const gzip = acceptsGzip(req.headers["accept-encoding"]);
      const body = gzip ? hit.gzip : hit.body;
      res.writeHead(hit.status, { ...headers, "content-length": body.length, ...(gzip ? { "content-encoding": "gzip" } : {}) });
      return res.end(req.method === "HEAD" ? undefined : body);
    }
    if (req.method === "HEAD") {
      prepareFill(req, request, options);
      return next(req, res);
    }
    const underway = rendering.get(key);
    if (underway && !waited) return Promise.race([underway, waitAtMost(MAX_WAIT_MS)]).then(() => serve(req, res, request, true));

    // A client revalidating its copy gets a 304 when the new render has its ETag: the answer waits
    // for the whole render (the client has a copy to show meanwhile), then is compared like a hit.
    const revalidating = req.headers["if-none-match"];
    prepareFill(req, request, options);
    const ticket = cache.ticket(request.route.tags);
    // Waiting readers go on as soon as the render has ended (kept or not), not when its reader has
    // finished downloading it: a slow or stalled reader of a miss holds no one else up.
    let release = () => {};
    if (!underway) {
      let resolve: () => void = () => {};
      const promise = new Promise<void>((done) => (resolve = done));
      rendering.set(key, promise);
      release = () => {
        if (rendering.get(key) === promise) rendering.delete(key);
        resolve();
      };
      // A reader who leaves mid-render ends it; once the render has ended, keeping its copy does.
      res.once("close", () => {
        if (!res.writableEnded) release();
      });
    }
    const storable = (status: number, headers: Record<string, unknown>, body: Buffer | null): body is Buffer =>
      Boolean(body) && !unstorableReason(request.route.kind, status, headers, body!) && onlyLocaleCookie(headers["set-cookie"]);
    // Compressed on libuv's thread pool, not on the event loop (a page is hundreds of kilobytes); the
    // render counts as under way until its copy is kept, so readers waiting for it then find it. The
    // ticket still applies: a change heard meanwhile keeps the copy out.
    const keep = (status: number, headers: Record<string, unknown>, body: Buffer | null) => {
      if (!storable(status, headers, body)) return release();
      const kept = Object.fromEntries(
        Object.entries(headers).filter(([name, value]) => !NOT_KEPT.has(name) && value !== undefined),
      ) as Record<string, string | string[]>;
      kept.vary = withAcceptEncoding(headers.vary);
      const etag = etagFor(headers, body);
      gzip(body, (error, gzipped) => {
        try {
          if (!error)
            cache.store(
              key,
              ticket,
              { status, headers: kept, body, gzip: gzipped, etag },
              { origin: request.origin, path: request.pathname, query: request.route.query },
            );
        } finally {
          release();
        }
      });
    };
    recordResponse(
      res,
      (status, headers, body) => {
        try {
          keep(status, headers, body);
        } catch (error) {
          release();
          throw error;
        }
      },
      () => release(),
      revalidating === undefined
        ? undefined
        : (status, headers, body) => {
            if (!storable(status, headers, body)) return undefined;
            const etag = etagFor(headers, body);
            return { etag, current: ifNoneMatchIncludes(revalidating, etag) };
          },
    );
    res.setHeader("x-contraste-cache", "miss");
    return next(req, res);
  };

  return (req, res) => {
    const request = cacheableRequest(req, options);
    if (request) return serve(req, res, request, false);
    if (isPublicPageInternal(req)) keepPrivate(res);
    return next(req, res);
  };
}

/** The ETag a cached copy carries: the one its route sent, or else the one lib/api/etag.ts gives its body. */
const etagFor = (headers: Record<string, unknown>, body: Buffer) => (typeof headers.etag === "string" ? headers.etag : etagOf(body));

/** A prefetch or navigation request for a public page: Next.js does not show proxy.ts its own headers. */
function isPublicPageInternal(req: IncomingMessage): boolean {
  const url = req.url ?? "/";
  const queryAt = url.indexOf("?");
  const params = new URLSearchParams(queryAt === -1 ? "" : url.slice(queryAt + 1));
  return (
    publicRoute(queryAt === -1 ? url : url.slice(0, queryAt))?.kind === "page" && isNextInternalRequest(Object.keys(req.headers), params)
  );
}

// What Next.js says of a dynamic render: the answer to a prefetch or navigation is for the one who asked.
const PRIVATE = "private, no-cache, no-store, max-age=0, must-revalidate";

/** Keeps proxy.ts's "public" off the answer to a Next.js-internal request. */
function keepPrivate(res: ServerResponse) {
  const originalWriteHead = res.writeHead;
  res.writeHead = function (this: ServerResponse, ...args: unknown[]) {
    const headersArg = args.find((arg) => arg && typeof arg === "object" && !Array.isArray(arg)) as Record<string, unknown> | undefined;
    for (const name of Object.keys(headersArg ?? {})) if (name.toLowerCase() === "cache-control") headersArg![name] = PRIVATE;
    if (!this.headersSent && this.hasHeader("cache-control")) this.setHeader("cache-control", PRIVATE);
    return (originalWriteHead as (...a: unknown[]) => ServerResponse).apply(this, args);
  } as typeof res.writeHead;
}

/**
 * A response that sets a cookie is someone's own, except next-intl's remembered language, which
 * follows from the URL alone (/en sets "en") and so is the same for every reader.
 */
function onlyLocaleCookie(setCookie: unknown): boolean {
  const cookies = setCookie === undefined ? [] : Array.isArray(setCookie) ? setCookie : [setCookie];
  return cookies.every((cookie) => /^NEXT_LOCALE=[a-z]{2};/.test(String(cookie)));
}

/** What a revalidated render is: its ETag, and whether the client's copy has it. */
type Revalidation = { etag: string; current: boolean };

/**
 * Lets the response stream to the client as usual while keeping a copy of what was sent (none past
 * MAX_STORED_BYTES), and names Accept-Encoding in its Vary as a cached copy will.
 *
 * With `revalidate` (the client sent If-None-Match), nothing is sent until the render has ended: then
 * a 304 when the client's copy is current, or else the whole render with its ETag. A render too large
 * to keep is sent as it comes once it passes the limit.
 */
function recordResponse(
  res: ServerResponse,
  done: (status: number, headers: Record<string, unknown>, body: Buffer | null) => void,
  overflow: () => void,
  revalidate?: (status: number, headers: Record<string, unknown>, body: Buffer) => Revalidation | undefined,
) {
  const originalWriteHead = res.writeHead as (...a: unknown[]) => ServerResponse;
  const originalWrite = res.write as (...a: unknown[]) => boolean;
  const originalEnd = res.end as (...a: unknown[]) => ServerResponse;
  // While revalidating: every write, not yet sent. The status and headers wait on the response itself.
  let held: { writes: unknown[][] } | null = revalidate ? { writes: [] } : null;
  const sendHeld = () => {
    if (!held) return;
    const { writes } = held;
    held = null;
    for (const args of writes) originalWrite.apply(res, args);
  };

  let chunks: Buffer[] | null = [];
  let bytes = 0;
  const keep = (chunk: unknown, encoding?: unknown) => {
    if (chunks === null || chunk === undefined || chunk === null || typeof chunk === "function") return;
    const buffer =
      typeof chunk === "string"
        ? Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8")
        : Buffer.from(chunk as Uint8Array);
    bytes += buffer.length;
    if (bytes <= MAX_STORED_BYTES) return void chunks.push(buffer);
    chunks = null;
    sendHeld();
    overflow();
  };
  let writeHeadHeaders: Record<string, unknown> = {};
  res.writeHead = function (this: ServerResponse, ...args: unknown[]) {
    const headersArg = args.find((arg) => arg && typeof arg === "object");
    if (headersArg && !Array.isArray(headersArg)) {
      writeHeadHeaders = Object.fromEntries(Object.entries(headersArg).map(([k, v]) => [k.toLowerCase(), v]));
      if ("vary" in writeHeadHeaders) {
        const varyName = Object.keys(headersArg).find((name) => name.toLowerCase() === "vary")!;
        (headersArg as Record<string, unknown>)[varyName] = withAcceptEncoding(writeHeadHeaders.vary);
      }
    }
    if (!("vary" in writeHeadHeaders) && !this.headersSent) this.setHeader("vary", withAcceptEncoding(this.getHeader("vary")));
    if (held && !Array.isArray(headersArg)) {
      // Kept on the response, so a later implicit writeHead (a write, flushHeaders) cannot lose them.
      this.statusCode = Number(args[0]);
      if (typeof args[1] === "string") this.statusMessage = args[1];
      for (const [name, value] of Object.entries(headersArg ?? {})) if (value !== undefined) this.setHeader(name, value as string);
      return this;
    }
    sendHeld();
    return originalWriteHead.apply(this, args);
  } as typeof res.writeHead;
  res.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
    keep(chunk, rest[0]);
    if (held) {
      held.writes.push([chunk, ...rest]);
      return true;
    }
    return originalWrite.apply(this, [chunk, ...rest]);
  } as typeof res.write;
  res.end = function (this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
    keep(chunk, rest[0]);
    const status = this.statusCode;
    const headers = { ...this.getHeaders(), ...writeHeadHeaders };
    const body = chunks && Buffer.concat(chunks);
    const revalidation = held && body ? revalidate!(status, headers, body) : undefined;
    let result: ServerResponse;
    if (held && revalidation?.current) {
      // The client's copy is current: the render's headers, without its body.
      const callbacks = [...held.writes.flat(), chunk, ...rest].filter((arg): arg is () => void => typeof arg === "function");
      held = null;
      this.removeHeader("content-length");
      result = originalWriteHead.call(this, 304, { etag: revalidation.etag });
      originalEnd.call(this);
      for (const callback of callbacks) process.nextTick(callback);
    } else {
      if (held && revalidation && !this.hasHeader("etag")) this.setHeader("etag", revalidation.etag);
      sendHeld();
      result = originalEnd.apply(this, [chunk, ...rest]);
    }
    done(status, headers, body);
    return result;
  } as typeof res.end;
}
