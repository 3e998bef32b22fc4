import type { RouteKind } from "../../lib/public-routes";

// Whether a recorded response is what a plain reader's GET of its route gets, and so may be served to
// every reader. Anything else (Next.js's `{}` for a prefetch, a component payload, a half-written page,
// an error page, a response someone marked private) is passed on to the one who asked and forgotten.

/** Larger responses are served but not kept: one of them would push out hundreds of pages. */
export const MAX_STORED_BYTES = 8 * 1024 * 1024;

type Shape = { types: RegExp; minBytes: number; check: (body: Buffer) => boolean };

const tail = (body: Buffer) =>
  body
    .subarray(Math.max(0, body.length - 256))
    .toString("utf8")
    .trimEnd();
const head = (body: Buffer) => body.subarray(0, 64).toString("utf8").trimStart();

const SHAPES: Record<RouteKind, Shape> = {
  // The smallest page (api-docs, a chart with no figures) is kilobytes; Next.js ends every page it finished with </html>.
  page: { types: /^text\/html\b/i, minBytes: 512, check: (body) => /<\/html>$/i.test(tail(body)) },
  feed: { types: /^application\/atom\+xml\b/i, minBytes: 64, check: (body) => /<\/feed>$/.test(tail(body)) },
  // The API's JSON is always an object ({"data": …}, the OpenAPI document, oEmbed); CSV has its header row.
  api: {
    types: /^(?:application\/json|text\/csv)\b/i,
    minBytes: 8,

    check: (body) => (/^\{\s*"/.test(head(body)) && tail(body).endsWith("}")) || (!head(body).startsWith("{") && body.includes(0x0a)),
  },
};

const header = (headers: Record<string, unknown>, name: string) => {
  const value = headers[name];
  return Array.isArray(value) ? value.join(", ") : value === undefined ? "" : String(value);
};

/** Why a response may not be kept, or null when it may. */
export function unstorableReason(kind: RouteKind, status: number, headers: Record<string, unknown>, body: Buffer): string | null {
  if (status !== 200) return `status ${status}`;
  const shape = SHAPES[kind];
  const type = header(headers, "content-type");
  if (!shape.types.test(type)) return `content type "${type}"`;
  if (body.length < shape.minBytes) return `${body.length} bytes`;
  if (body.length > MAX_STORED_BYTES) return `${body.length} bytes`;
  if (!shape.check(body)) return "incomplete body";
  // The app says which of its responses are the same for every reader (proxy.ts for pages, the API and
  // the feed themselves); Next.js's own default for a dynamic page is private.
  const cacheControl = header(headers, "cache-control").toLowerCase();
  if (!/\bpublic\b/.test(cacheControl) || /\b(?:private|no-store|no-cache)\b/.test(cacheControl)) return `cache-control "${cacheControl}"`;
  if (header(headers, "content-encoding") && header(headers, "content-encoding") !== "identity") return "encoded body";
  return null;
}
