import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { promisify } from "node:util";
import { createGzip, gzip } from "node:zlib";
import { acceptsGzip } from "./cache/caching-handler";
import { apiResponseHeaders } from "./response-headers.mjs";
import { answerIndicatorObservations } from "../lib/public-api/indicator-observations";
import { logError } from "../lib/observability/logger";

// The public API's hottest uncached read, answered without Next.js's app-route pipeline: turning the
// Node request into a web Request, its wrappers, and piping the body through web streams cost about
// 8 ms of processor per request against under 2 ms for the route's own work (BENCHMARKS.md). The
// route module (app/api/v1/indicators/[slug]/observations/route.ts) calls the same function, so both
// paths give the same answer; the headers next.config.js adds come from the same module too.

type Handler = (req: IncomingMessage, res: ServerResponse) => unknown;
type Answer = (request: Request, pathParameter: string) => Promise<Response>;

const ROUTES: { path: RegExp; answer: Answer }[] = [
  { path: /^\/api\/v1\/indicators\/([^/]+)\/observations$/, answer: answerIndicatorObservations },
];

const API_HEADERS = apiResponseHeaders(process.env.NODE_ENV);
const gzipBuffer = promisify(gzip);
// Below this, compressing costs more than the bytes it saves (the cache uses the same rule of thumb).
const COMPRESS_FROM_BYTES = 1024;

/** The handler answering this request without Next.js, or null when Next.js answers it. */
export function directAnswer(req: IncomingMessage): Handler | null {
  if (req.method !== "GET" && req.method !== "HEAD") return null;
  const url = req.url ?? "/";
  const queryAt = url.indexOf("?");
  const pathname = queryAt === -1 ? url : url.slice(0, queryAt);
  for (const route of ROUTES) {
    const match = route.path.exec(pathname);
    if (!match) continue;
    const request = webRequest(req);
    if (!request) return null;
    return (_req, res) => respond(req, res, () => route.answer(request, decodeURIComponent(match[1]!)));
  }
  return null;
}

/** The request as a route handler reads it; null when its Host makes no URL (Next.js refuses it then). */
function webRequest(req: IncomingMessage): Request | null {
  try {
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value === undefined) continue;
      for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
    }
    return new Request(new URL(req.url ?? "/", `http://${req.headers.host ?? "localhost"}`), { method: "GET", headers });
  } catch {
    return null;
  }
}

async function respond(req: IncomingMessage, res: ServerResponse, answer: () => Promise<Response>): Promise<void> {
  let response: Response;
  try {
    response = await answer();
  } catch (error) {
    // The answers catch their own errors (lib/public-api/handler.ts); this is the last line.
    logError("direct answer failed", error);
    res.writeHead(500, { ...API_HEADERS, "cache-control": "no-store", "content-type": "application/json; charset=utf-8" });
    res.end(JSON.stringify({ error: { code: "internal_error", message: "Something went wrong on our side." } }));
    return;
  }
  const headers: Record<string, string> = { ...API_HEADERS, ...Object.fromEntries(response.headers) };
  const compress = acceptsGzip(req.headers["accept-encoding"]);
  if (!response.body || req.method === "HEAD") {
    void response.body?.cancel();
    res.writeHead(response.status, headers);
    res.end();
    return;
  }
  // A whole-series download (publicStream) is the only 200 without an ETag: it would need the whole body first.
  const streamed = response.status === 200 && !response.headers.has("etag");
  if (!streamed) {
    let body: Buffer = Buffer.from(await response.arrayBuffer());
    if (compress && body.length >= COMPRESS_FROM_BYTES) {
      body = await gzipBuffer(body);
      headers["content-encoding"] = "gzip";
    }
    res.writeHead(response.status, { ...headers, "content-length": String(body.length) });
    res.end(body);
    return;
  }
  if (compress) headers["content-encoding"] = "gzip";
  res.writeHead(response.status, headers);
  const source = Readable.fromWeb(response.body as unknown as NodeReadableStream<Uint8Array>);
  try {
    await (compress ? pipeline(source, createGzip(), res) : pipeline(source, res));
  } catch {
    // The reader left, or the download failed mid-stream (logged where it failed): the cut-off body says so.
    res.destroy();
  }
}
