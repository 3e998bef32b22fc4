import { etagOf, ifNoneMatchIncludes } from "../api/etag";
import { errorResponse } from "../api/respond";
import { logError } from "../observability/logger";

// Every public GET: cacheable, revalidatable by ETag, readable from any origin.
export const PUBLIC_HEADERS = {
  "access-control-allow-origin": "*",
  "access-control-expose-headers": "ETag, Link",
  // Revalidated on every use (cheap: a 304 by ETag), so a published correction is never hidden behind a max-age.
  "cache-control": "public, max-age=0, must-revalidate",
  vary: "Accept-Encoding",
};

export function publicResponse(request: Request, body: string, contentType: string, extraHeaders: Record<string, string> = {}): Response {
  const etag = etagOf(body);
  const headers = { ...PUBLIC_HEADERS, etag, ...extraHeaders };
  if (ifNoneMatchIncludes(request.headers.get("if-none-match"), etag)) {
    return new Response(null, { status: 304, headers });
  }
  return new Response(body, { status: 200, headers: { ...headers, "content-type": contentType } });
}

export const publicJson = (request: Request, payload: unknown) =>
  publicResponse(request, JSON.stringify(payload), "application/json; charset=utf-8");

export function publicError(status: number, code: string, message: string): Response {
  return errorResponse(status, code, message, undefined, { "access-control-allow-origin": "*", "cache-control": "no-store" });
}

export function preflight(): Response {
  return new Response(null, {
    status: 204,
    headers: {
      "access-control-allow-origin": "*",
      "access-control-allow-methods": "GET, HEAD, OPTIONS",
      "access-control-allow-headers": "If-None-Match, Content-Type",
      "access-control-max-age": "86400",
    },
  });
}

/**
 * A public answer written piece by piece as the client reads it (the whole-series downloads): the
 * next piece is produced only when the previous one has been taken, so a large or slow download
 * holds one piece in memory, not the file. It has no ETag (that would need the whole body first).
 */
export function publicStream(pieces: AsyncIterable<string>, contentType: string, extraHeaders: Record<string, string> = {}): Response {
  const iterator = pieces[Symbol.asyncIterator]();
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { value, done } = await iterator.next();
        if (done) controller.close();
        else controller.enqueue(encoder.encode(value));
      } catch (error) {
        // The status line is long gone: a cut-off body is the only way left to say the file is incomplete.
        logError("public download failed mid-stream", error);
        controller.error(error);
      }
    },
    async cancel() {
      await iterator.return?.();
    },
  });
  return new Response(body, { status: 200, headers: { ...PUBLIC_HEADERS, ...extraHeaders, "content-type": contentType } });
}
