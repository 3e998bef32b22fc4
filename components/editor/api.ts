import { z } from "zod";
import { ZDatePrecision, ZObservationStatus, ZProducerType, ZQualifier } from "@/lib/schemas/enums";

// The browser side of the editor's JSON routes: one way to call them, one error type to show.

const ZErrorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});

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

/** Same-origin JSON call; answers `data` checked against `schema`, or throws an ApiError. */
export async function callApi<T>(method: "POST" | "PATCH" | "DELETE", url: string, schema: z.ZodType<T>, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      credentials: "same-origin",
      headers: body === undefined ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, "network", "The server could not be reached.");
  }
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const parsed = ZErrorBody.safeParse(payload);
    if (!parsed.success) throw new ApiError(response.status, "internal_error", response.statusText);
    const { code, message, details } = parsed.data.error;
    throw new ApiError(response.status, code, message, details);
  }
  const data = z.object({ data: schema }).safeParse(payload);
  if (!data.success) throw new ApiError(response.status, "internal_error", "The server's answer was not understood.");
  return data.data.data;
}

/** A figure as the mutation routes answer it (see snapshot() in testing/oracles/public-observations/mutations.ts). */
export const ZFigureSnapshot = z.object({
  id: z.string(),
  indicator: z.string(),
  value: z.string(),
  valueMax: z.string().nullable(),
  qualifier: ZQualifier,
  asOf: z.string(),
  datePrecision: ZDatePrecision,
  producer: z.object({ name: z.string(), type: ZProducerType }),
  source: z.object({ url: z.string(), publisher: z.string().nullable(), publishedAt: z.string().nullable() }),
  attribution: z.string(),
  noteEn: z.string().nullable(),
  noteEs: z.string().nullable(),
  status: ZObservationStatus,
  version: z.number(),
});
export type FigureSnapshot = z.infer<typeof ZFigureSnapshot>;

/** What a 409 carries: the stored figure (stale version), or the correction already waiting. */
export const ZConflictDetails = z.object({
  current: ZFigureSnapshot.optional(),
  pendingDraftId: z.string().optional(),
});
