import type { z } from "zod";
import { resolveActor, type Actor } from "../auth/actor";
import { forbidden, unauthenticated } from "../errors";
import { trustedProxyCount } from "../server/client-address";
import { readJsonBody } from "./request-body";
import { jsonResponse, toErrorResponse } from "./respond";

/** The entry the outermost of `trusted` proxies wrote in a comma-separated forwarding header. */
function forwarded(value: string | null, trusted: number): string | undefined {
  const entries = (value ?? "").split(",").map((entry) => entry.trim()).filter(Boolean);
  return entries[Math.max(0, entries.length - trusted)];
}

/**
 * This site's origin (scheme, host and port) as its own pages have it: CONTRASTE_PUBLIC_URL when
 * set; else the request's Host with the scheme this server speaks (plain HTTP). X-Forwarded-Host
 * and -Proto are anyone's to write, so they count only behind CONTRASTE_TRUSTED_PROXIES proxies.
 */
export function ownOrigin(request: Request): string | null {
  if (process.env.CONTRASTE_PUBLIC_URL) return new URL(process.env.CONTRASTE_PUBLIC_URL).origin;
  const trusted = trustedProxyCount();
  const host = (trusted > 0 ? forwarded(request.headers.get("x-forwarded-host"), trusted) : undefined) ?? request.headers.get("host");
  const scheme = (trusted > 0 ? forwarded(request.headers.get("x-forwarded-proto"), trusted) : undefined) ?? "http";
  if (!host || (scheme !== "http" && scheme !== "https")) return null;
  try {
    return new URL(`${scheme}://${host}`).origin;
  } catch {
    return null;
  }
}

/**
 * Cookie-authenticated writes must come from this site's own pages. Browsers send Origin on every
 * cross-site POST and Sec-Fetch-Site on every request; an Origin other than ownOrigin() (scheme,
 * host and port) or a cross-site Sec-Fetch-Site is refused. Token callers send no cookie, so they
 * cannot be forged this way and are not checked.
 */
export function assertSameOrigin(request: Request): void {
  if (request.headers.has("authorization")) return;
  const origin = request.headers.get("origin");
  if (origin) {
    let sender: string;
    try {
      sender = new URL(origin).origin;
    } catch {
      throw forbidden("Cross-site request refused.");
    }
    if (sender === "null" || sender !== ownOrigin(request)) throw forbidden("Cross-site request refused.");
    return;
  }
  if (request.headers.get("sec-fetch-site") === "cross-site") throw forbidden("Cross-site request refused.");
}

type MutationOptions<Schema extends z.ZodType, Result> = {
  schema: Schema;
  /** Runs with a known caller; permission checks live in the data functions it calls. */
  run: (input: z.infer<Schema>, actor: Actor) => Promise<Result>;
  status?: number;
  allowAnonymous?: false;
  /** Bodies above this many bytes get 413 before parsing; JSON_BODY_LIMIT_BYTES (64 KB) unless said. */
  maxBodyBytes?: number;
};

// A route handler that reads like a sentence: check origin, know the caller, parse, act, answer.
export async function handleMutation<Schema extends z.ZodType, Result>(request: Request, options: MutationOptions<Schema, Result>): Promise<Response> {
  try {
    assertSameOrigin(request);
    const actor = await resolveActor(request);
    if (!actor) throw unauthenticated();
    const input = options.schema.parse(await readJsonBody(request, options.maxBodyBytes));
    const data = await options.run(input, actor);
    return jsonResponse({ data }, { status: options.status ?? 200 });
  } catch (error) {
    return toErrorResponse(error);
  }
}

/** For routes that work without a session (sign-in, first-run setup): origin check and parsing only. */
export async function handlePublicMutation<Schema extends z.ZodType>(
  request: Request,
  schema: Schema,
  run: (input: z.infer<Schema>) => Promise<Response>,
): Promise<Response> {
  try {
    assertSameOrigin(request);
    return await run(schema.parse(await readJsonBody(request)));
  } catch (error) {
    return toErrorResponse(error);
  }
}
