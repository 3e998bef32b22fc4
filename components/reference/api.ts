import { z } from "zod";

// The browser side of /api/editor/<section>: one way to call it, one error type to show.

const ZErrorBody = z.object({ error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }) });

/** What a proposed edit or new record answers (202): the proposal, pending until a reviewer applies it. */
export const ZSavedRecord = z.object({ id: z.string(), status: z.string() });
export type SavedRecord = z.infer<typeof ZSavedRecord>;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** Same-origin JSON request (the routes refuse cross-site ones); answers the proposal or throws an ApiError. */
export async function saveRecord(method: "POST" | "PATCH", url: string, body: unknown): Promise<SavedRecord> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      credentials: "same-origin",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, "network", "The server could not be reached.");
  }
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const parsed = ZErrorBody.safeParse(payload);
    if (!parsed.success) throw new ApiError(response.status, "internal_error", response.statusText);
    throw new ApiError(response.status, parsed.data.error.code, parsed.data.error.message, parsed.data.error.details);
  }
  const parsed = z.object({ data: ZSavedRecord }).safeParse(payload);
  if (!parsed.success) throw new ApiError(response.status, "internal_error", "The server's answer was not understood.");
  return parsed.data.data;
}

/** `details.fields` of a 400: [{ path, message }], anything else ignored. */
export function serverFieldIssues(error: ApiError): { path: string; message: string }[] {
  const parsed = z.object({ fields: z.array(z.object({ path: z.string(), message: z.string() })) }).safeParse(error.details);
  return parsed.success ? parsed.data.fields : [];
}
