import { createHash } from "node:crypto";
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { gzipSync } from "node:zlib";
import type { ResponseCache } from "./response-cache";
import { tagsForPath } from "./route-tags";

type Handler = (req: IncomingMessage, res: ServerResponse) => unknown;

// Browsers and shared caches revalidate every time (the ETag makes that a 304), so a correction is
// never hidden behind someone else's max-age.
const REVALIDATE = "public, max-age=0, must-revalidate";

// Headers that describe one rendering rather than the content.
const NOT_KEPT = new Set(["date", "connection", "keep-alive", "transfer-encoding", "content-length", "content-encoding", "cache-control", "etag", "x-contraste-cache"]);

/** Client-side navigations ask for the same URL in another format (React Server Component payload). */
function isPlainDocumentRequest(req: IncomingMessage): boolean {
  return !req.headers.rsc && !req.headers["next-router-state-tree"] && !req.headers["next-router-prefetch"] && !req.url?.includes("_rsc=");
}

/**
 * Pages write absolute links from the address the reader used (lib/site-origin.ts, the feed, oEmbed), so
 * a copy is kept per Host and forwarded host and protocol: a request with a forged Host must not leave
 * its links in the copy every other reader gets.
 */
function cacheKey(req: IncomingMessage): string {
  const { host, "x-forwarded-host": forwardedHost, "x-forwarded-proto": forwardedProto } = req.headers;
  return JSON.stringify([req.url ?? "/", host ?? "", forwardedHost ?? "", forwardedProto ?? ""]);
}

function acceptsGzip(req: IncomingMessage): boolean {
  return /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
}

function etagMatches(req: IncomingMessage, etag: string): boolean {
  const header = req.headers["if-none-match"];
  return Boolean(header && header.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag));
}

/**
 * Serves public GETs from the cache and fills it on a miss by recording what Next.js sends.
 * Anything not public (editor pages, writes, signed-in requests to the API) goes straight to Next.
 */
export function createCachingHandler(next: Handler, cache: ResponseCache): Handler {
  // Renders under way, by cache key: when a story breaks, a hundred readers of a page that just changed
  // wait for one render instead of starting a hundred.
  const rendering = new Map<string, Promise<void>>();

  const serve = (req: IncomingMessage, res: ServerResponse, tags: string[], waited: boolean): unknown => {
    const method = req.method ?? "GET";
    const key = cacheKey(req);
    const hit = cache.get(key);
    if (hit) {
      const headers: OutgoingHttpHeaders = { ...hit.headers, etag: hit.etag, "cache-control": REVALIDATE, "x-contraste-cache": "hit", vary: "Accept-Encoding" };
      if (etagMatches(req, hit.etag)) {
        res.writeHead(304, headers);
        return res.end();
      }
      const gzip = acceptsGzip(req);
      const body = gzip ? hit.gzip : hit.body;
      res.writeHead(hit.status, { ...headers, "content-length": body.length, ...(gzip ? { "content-encoding": "gzip" } : {}) });
      return res.end(method === "HEAD" ? undefined : body);
    }
    if (method === "HEAD") return next(req, res);
    const underway = rendering.get(key);
    if (underway && !waited) return underway.then(() => serve(req, res, tags, true));

    // The cache keeps the plain body and compresses it once itself.
    delete req.headers["accept-encoding"];
    delete req.headers["if-none-match"];
    const ticket = cache.ticket(tags);
    let finished: () => void = () => {};
    if (!underway) {
      rendering.set(key, new Promise<void>((resolve) => (finished = resolve)));
      res.once("close", () => {
        rendering.delete(key);
        finished();
      });
    }
    recordResponse(res, (status, headers, body) => {
      if (status !== 200 || !onlyLocaleCookie(headers["set-cookie"])) return;
      const kept = Object.fromEntries(Object.entries(headers).filter(([name, value]) => !NOT_KEPT.has(name) && value !== undefined)) as Record<string, string | string[]>;
      const etag = `"${createHash("sha1").update(body).digest("base64url")}"`;
      cache.store(key, ticket, { status, headers: kept, body, gzip: gzipSync(body), etag });
    });
    res.setHeader("x-contraste-cache", "miss");
    return next(req, res);
  };

  return (req, res) => {
    const method = req.method ?? "GET";
    const pathname = (req.url ?? "/").split("?", 1)[0] ?? "/";
    const tags = method === "GET" || method === "HEAD" ? tagsForPath(pathname) : null;
    if (!tags || !isPlainDocumentRequest(req)) return next(req, res);
    return serve(req, res, tags, false);
  };
}

/**
 * A response that sets a cookie is someone's own, except next-intl's remembered language, which
 * follows from the URL alone (/en sets "en") and so is the same for every reader.
 */
function onlyLocaleCookie(setCookie: unknown): boolean {
  const cookies = setCookie === undefined ? [] : Array.isArray(setCookie) ? setCookie : [setCookie];
  return cookies.every((cookie) => /^NEXT_LOCALE=[a-z]{2};/.test(String(cookie)));
}

/** Lets the response stream to the client as usual while keeping a copy of what was sent. */
function recordResponse(res: ServerResponse, done: (status: number, headers: Record<string, unknown>, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  const keep = (chunk: unknown, encoding?: unknown) => {
    if (chunk === undefined || chunk === null || typeof chunk === "function") return;
    chunks.push(typeof chunk === "string" ? Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8") : Buffer.from(chunk as Uint8Array));
  };
  let writeHeadHeaders: Record<string, unknown> = {};
  const originalWriteHead = res.writeHead;
  res.writeHead = function (this: ServerResponse, ...args: unknown[]) {
    const headersArg = args.find((arg) => arg && typeof arg === "object");
    if (headersArg && !Array.isArray(headersArg)) writeHeadHeaders = Object.fromEntries(Object.entries(headersArg).map(([k, v]) => [k.toLowerCase(), v]));
    return (originalWriteHead as (...a: unknown[]) => ServerResponse).apply(this, args);
  } as typeof res.writeHead;
  const originalWrite = res.write;
  res.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
    keep(chunk, rest[0]);
    return (originalWrite as (...a: unknown[]) => boolean).apply(this, [chunk, ...rest]);
  } as typeof res.write;
  const originalEnd = res.end;
  res.end = function (this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
    keep(chunk, rest[0]);
    const result = (originalEnd as (...a: unknown[]) => ServerResponse).apply(this, [chunk, ...rest]);
    done(res.statusCode, { ...res.getHeaders(), ...writeHeadHeaders }, Buffer.concat(chunks));
    return result;
  } as typeof res.end;
}
