import { AppError, badRequest } from "../errors";

/**
 * The largest JSON body any form sends: an observation with both notes, attribution, source address
 * and reason is about 13,000 characters, 40 KB at three bytes a character; framings and indicator
 * descriptions are smaller. 64 KB leaves room without letting anyone make the server hold more.
 */
export const JSON_BODY_LIMIT_BYTES = 64 * 1024;

// Deeper than any body the API accepts (observations nest three levels). JSON.parse builds deep
// nesting slowly and Zod walks it recursively: 40 MB of "[" once stalled every response for seconds.
const MAX_JSON_DEPTH = 32;

const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
const size = (bytes: number) => (bytes < 1024 * 1024 ? `${bytes / 1024} KB` : megabytes(bytes));

export const payloadTooLarge = (limit: number) =>
  new AppError(413, "payload_too_large", `The request body is larger than ${size(limit)}; nothing was read past that or changed.`, {
    limitBytes: limit,
  });

/**
 * The body as text, read as a stream and abandoned at `limit` bytes: a declared Content-Length over
 * the limit is refused before reading anything, and a body that lies about its length (or sends
 * none, chunked) is cut off where it crosses the limit. Nothing past the limit is ever held.
 */
export async function readBodyText(request: Request, limit: number): Promise<string> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limit) throw payloadTooLarge(limit);
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > limit) {
      // Cancelling lets Node discard the rest of the upload; the client still gets its 413.
      await reader.cancel().catch(() => undefined);
      throw payloadTooLarge(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, received).toString("utf8");
}

/** Whether brackets and braces outside strings nest deeper than `max` (one pass, no parsing). */
export function jsonNestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 34 /* " */) {
      // Jump to the closing quote (one not escaped by an odd run of backslashes): a 20 MB CSV string is crossed at native speed.
      for (;;) {
        const close = text.indexOf('"', i + 1);
        if (close < 0) return false;
        let backslashes = 0;
        while (text.charCodeAt(close - 1 - backslashes) === 92 /* \ */) backslashes++;
        i = close;
        if (backslashes % 2 === 0) break;
      }
    } else if (code === 91 /* [ */ || code === 123 /* { */) {
      if (++depth > max) return true;
    } else if (code === 93 /* ] */ || code === 125 /* } */) depth--;
  }
  return false;
}

/** The JSON body, at most `limit` bytes and MAX_JSON_DEPTH levels deep; an empty body is {}. */
export async function readJsonBody(request: Request, limit = JSON_BODY_LIMIT_BYTES): Promise<unknown> {
  const text = await readBodyText(request, limit);
  if (!text) return {};
  if (jsonNestsDeeperThan(text, MAX_JSON_DEPTH))
    throw badRequest(`The request body nests more than ${MAX_JSON_DEPTH} levels deep.`, undefined, "invalid_json");
  try {
    return JSON.parse(text);
  } catch {
    throw badRequest("The request body is not valid JSON.", undefined, "invalid_json");
  }
}
