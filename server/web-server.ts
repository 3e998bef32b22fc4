import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createCachingHandler } from "./cache/caching-handler";
import { createRenderQueue } from "./cache/render-queue";
import type { ResponseCache } from "./cache/response-cache";
import { RETRY_AFTER_SECONDS } from "../lib/db/transient-errors";
import { stampClientAddress } from "../lib/api/client-address";
import { log } from "../lib/observability/logger";
import { requestContextStore, requestIdFrom } from "../lib/observability/request-context";

type Handler = (req: IncomingMessage, res: ServerResponse) => unknown;

export type WebServerOptions = {
  next: Handler;
  /** Absent: every request is rendered afresh. */
  cache?: ResponseCache;
  /** CONTRASTE_PUBLIC_URL: one cached copy serves every Host (server/cache/caching-handler.ts). */
  publicOrigin?: string;
  /** Absent: the database is assumed reachable (the embedded one lives and dies with the app). */
  databaseIsUp?: () => boolean;
  /** Reverse proxies in front whose X-Forwarded-For entries are believed (CONTRASTE_TRUSTED_PROXIES); default none. */
  trustedProxies?: number;
  /**
   * Renders the cache does not answer that run at once (CONTRASTE_RENDER_CONCURRENCY), and how many
   * readers may wait for a turn (CONTRASTE_RENDER_QUEUE); server/cache/render-queue.ts.
   */
  renders?: { concurrency: number; maxWaiting: number };
  /**
   * Answers some requests without Next.js (server/direct-answers.ts); null hands the request to Next.js.
   * They take their turn with renders and sit behind the cache like any other answer.
   */
  direct?: (req: IncomingMessage) => Handler | null;
};

/** How many renders run at once and wait, from the environment: a few more than the database pool serves at once. */
export function renderLimits(env: Record<string, string | undefined> = process.env): { concurrency: number; maxWaiting: number } {
  const whole = (value: string | undefined, fallback: number) => {
    const parsed = Number(value);
    return value && Number.isInteger(parsed) && parsed > 0 ? parsed : fallback;
  };
  return {
    concurrency: whole(env.CONTRASTE_RENDER_CONCURRENCY, DEFAULT_RENDER_CONCURRENCY),
    maxWaiting: whole(env.CONTRASTE_RENDER_QUEUE, 1000),
  };
}

export const DEFAULT_RENDER_CONCURRENCY = 8;

// Process checks answer even while the database is away; /api/ready reports that it is.
const ALWAYS_ANSWERED = new Set(["/api/health", "/api/ready"]);

function answerUnavailable(req: IncomingMessage, res: ServerResponse) {
  const headers = { "retry-after": String(RETRY_AFTER_SECONDS), "cache-control": "no-store" };
  if (req.url?.startsWith("/api/")) {
    res.writeHead(503, { ...headers, "content-type": "application/json; charset=utf-8" });
    res.end(
      JSON.stringify({
        error: {
          code: "database_unavailable",
          message: "The database is unavailable for a moment; nothing was changed. Try again shortly.",
        },
      }),
    );
    return;
  }
  res.writeHead(503, { ...headers, "content-type": "text/html; charset=utf-8" });
  res.end(
    `<!doctype html><meta charset="utf-8"><title>Contraste</title><p lang="en">Contraste is unavailable for a moment. Try again in a few seconds.</p><p lang="es">Contraste no está disponible por un momento. Vuelva a intentarlo en unos segundos.</p>`,
  );
}

/** Too many readers already waiting for a render: come back in a moment (server/cache/render-queue.ts). */
function answerBusy(req: IncomingMessage, res: ServerResponse) {
  const headers = { "retry-after": String(RETRY_AFTER_SECONDS), "cache-control": "no-store" };
  if (req.url?.startsWith("/api/")) {
    res.writeHead(503, { ...headers, "content-type": "application/json; charset=utf-8" });
    res.end(JSON.stringify({ error: { code: "busy", message: "Too many requests are waiting to be answered. Try again shortly." } }));
    return;
  }
  res.writeHead(503, { ...headers, "content-type": "text/html; charset=utf-8" });
  res.end(
    `<!doctype html><meta charset="utf-8"><title>Contraste</title><p lang="en">Contraste is busy for a moment. Try again in a few seconds.</p><p lang="es">Contraste está ocupado por un momento. Vuelva a intentarlo en unos segundos.</p>`,
  );
}

// TRACE is a method the Fetch standard forbids: Next.js cannot build a Request for it and answers 500.
// (Node's parser already refuses TRACK, and CONNECT never reaches a request handler.)
const ALLOWED_METHODS = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";

/** Whether every %-escape of the path decodes; Next.js answers 500 to one that does not (vercel/next.js#94278). */
function pathDecodes(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

const REFUSALS = {
  400: { code: "invalid_request", en: "This address is not valid.", es: "Esta dirección no es válida." },
  404: { code: "not_found", en: "There is nothing at this address.", es: "No hay nada en esta dirección." },
  405: { code: "method_not_allowed", en: "This method is not supported.", es: "Este método no está admitido." },
  414: { code: "uri_too_long", en: "This address is too long.", es: "Esta dirección es demasiado larga." },
} as const;

// Far longer than any path the site has (the longest slug is under 60 characters). Past it, Next.js
// and next-intl echo the path into response headers three times over, enough to overflow a client's
// or a proxy's header limit. Query strings are not limited here: pages ignore what they do not read.
export const MAX_PATH_LENGTH = 2048;

/** What Next.js would answer with a 500, refused here the way the rest of the site refuses: a 4xx, never cached. */
function answerRefused(req: IncomingMessage, res: ServerResponse, status: keyof typeof REFUSALS) {
  const { code, en, es } = REFUSALS[status];
  const headers = { "cache-control": "no-store", ...(status === 405 ? { allow: ALLOWED_METHODS } : {}) };
  if (req.url?.startsWith("/api/")) {
    res.writeHead(status, { ...headers, "content-type": "application/json; charset=utf-8" });
    res.end(JSON.stringify({ error: { code, message: en } }));
    return;
  }
  res.writeHead(status, { ...headers, "content-type": "text/html; charset=utf-8" });
  res.end(`<!doctype html><meta charset="utf-8"><title>Contraste</title><p lang="en">${en}</p><p lang="es">${es}</p>`);
}

// Next.js's image optimizer: the site has no next/image, so it is refused before Next.js (which would
// fetch a local address for it, or render the not-found page uncached for each of a flood of URLs).
const REFUSED_PATHS = /^\/_next\/image(?:\/|$)/;

/**
 * Where `npm start` listens: loopback unless HOSTNAME says otherwise (HOSTNAME=0.0.0.0 behind a
 * reverse proxy on another machine, or in a container), so a fresh install is not open to the network.
 */
export function listenHostname(env: Record<string, string | undefined> = process.env): string {
  return env.HOSTNAME?.trim() || "127.0.0.1";
}

/** Redacts query values that could carry a secret, keeping the rest of the address readable. */
function loggablePath(url: string): string {
  const [pathname, query] = url.split("?", 2);
  if (!query) return pathname ?? url;
  const params = new URLSearchParams(query);
  for (const key of [...params.keys()]) if (/token|pass|secret|session|key/i.test(key)) params.set(key, "[redacted]");
  return `${pathname}?${params.toString()}`;
}

/**
 * The request pipeline: request id and access log, then refusing what Next.js would answer with a 500
 * (TRACE, undecodable paths), then the public cache, then the database guard, then Next.js.
 */
export function createRequestHandler(options: WebServerOptions): Handler {
  const renders = options.renders ?? renderLimits();
  const queue = createRenderQueue({ limit: renders.concurrency, maxWaiting: renders.maxWaiting, refuse: answerBusy });
  const guarded: Handler = (req, res) => {
    const path = (req.url ?? "/").split("?", 1)[0] ?? "/";
    // Process checks and Next.js's static files never wait behind renders.
    if (ALWAYS_ANSWERED.has(path) || path.startsWith("/_next/")) return options.next(req, res);
    if (options.databaseIsUp && !options.databaseIsUp()) return answerUnavailable(req, res);
    return queue.admit(req, res, options.direct?.(req) ?? options.next);
  };
  const pipeline = options.cache ? createCachingHandler(guarded, options.cache, { publicOrigin: options.publicOrigin }) : guarded;
  return (req, res) => {
    const requestId = requestIdFrom(req.headers["x-request-id"]);
    const started = performance.now();
    res.setHeader("x-request-id", requestId);
    res.once("finish", () => {
      log("info", "request", {
        requestId,
        method: req.method,
        path: loggablePath(req.url ?? "/"),
        status: res.statusCode,
        ms: Math.round((performance.now() - started) * 10) / 10,
        cache: res.getHeader("x-contraste-cache") ?? undefined,
      });
    });
    if (req.method === "TRACE") return answerRefused(req, res, 405);
    if (((req.url ?? "/").split("?", 1)[0] ?? "").length > MAX_PATH_LENGTH) return answerRefused(req, res, 414);
    if (!pathDecodes((req.url ?? "/").split("?", 1)[0] ?? "/")) return answerRefused(req, res, 400);
    if (REFUSED_PATHS.test((req.url ?? "/").split("?", 1)[0] ?? "/")) return answerRefused(req, res, 404);
    stampClientAddress(req, options.trustedProxies ?? 0);
    return requestContextStore().run({ requestId }, () => pipeline(req, res));
  };
}

/** Ends the process once requests in flight have finished (at most `graceMs` later). */
export function closeGracefully(server: Server, graceMs = 10_000): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      server.closeAllConnections();
      resolve();
    }, graceMs);
    timer.unref();
    server.close(() => {
      clearTimeout(timer);
      resolve();
    });
    // Keep-alive connections with no request in flight would hold close() open.
    server.closeIdleConnections();
  });
}

export function createWebServer(options: WebServerOptions): Server {
  const server = createServer(createRequestHandler(options));
  // Requests in flight finish before close() resolves; a keep-alive connection is closed after its response.
  server.on("request", (_req, res: ServerResponse) => {
    res.once("finish", () => {
      if (!server.listening) setImmediate(() => server.closeIdleConnections());
    });
  });
  return server;
}
