import { createHash } from "node:crypto";

/**
 * The ETag of a response body. The one function for every public answer, whether the route wrote it
 * (lib/public-api/respond.ts) or the response cache serves it (server/cache/caching-handler.ts): the
 * same bytes get the same tag, so a client revalidates with whichever it got first.
 */
export const etagOf = (body: string | Uint8Array): string => `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;

/** Whether an If-None-Match header names this ETag (compared weakly, as for a GET) or is `*`. */
export function ifNoneMatchIncludes(header: string | string[] | null | undefined, etag: string): boolean {
  if (!header) return false;
  const strong = etag.replace(/^W\//, "");
  return [header]
    .flat()
    .join(",")
    .split(",")
    .some((tag) => tag.trim() === "*" || tag.trim().replace(/^W\//, "") === strong);
}
