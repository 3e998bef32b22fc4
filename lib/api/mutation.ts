import "server-only";
import type { z } from "zod";
import type { Actor } from "../auth/actor";
import { resolveActor } from "../auth/resolve-actor";
import { forbidden, unauthenticated } from "../errors";
import { requestOrigin } from "../site-origin";
import { readJsonBody } from "./request-body";
import { jsonResponse, toErrorResponse } from "./respond";

/**
 * Cookie-authenticated writes must come from this site's own pages. Browsers send Origin on every
 * cross-site POST and Sec-Fetch-Site on every request; an Origin other than requestOrigin() (scheme,
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
      throw forbidden("Cross-site request refused.", "cross_site_refused");
    }
    if (sender === "null" || sender !== requestOrigin(request.headers))
      throw forbidden("Cross-site request refused.", "cross_site_refused");
    return;
  }
  if (request.headers.get("sec-fetch-site") === "cross-site") throw forbidden("Cross-site request refused.", "cross_site_refused");
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
export async function handleMutation<Schema extends z.ZodType, Result>(
  request: Request,
  options: MutationOptions<Schema, Result>,
): Promise<Response> {
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
