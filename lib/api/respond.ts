import { z } from "zod";
import { isDatabaseUnavailable, isSerializationFailure, RETRY_AFTER_SECONDS } from "../db/transient-errors";
import { AppError } from "../errors";
import { logError } from "../observability/logger";

export function jsonResponse(data: unknown, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers);
  headers.set("content-type", "application/json; charset=utf-8");
  return new Response(JSON.stringify(data), { ...init, headers });
}

export function errorResponse(status: number, code: string, message: string, details?: unknown, headers?: HeadersInit): Response {
  return jsonResponse({ error: { code, message, ...(details === undefined ? {} : { details }) } }, { status, headers });
}

type PrismaLikeError = { code?: string; name?: string };

type UniqueViolation = {
  meta?: {
    target?: string[] | string;
    modelName?: string;
    driverAdapterError?: { cause?: { constraint?: { index?: string; fields?: string[] } } };
  };
};

// Which fields clashed: Prisma names them directly, or (through driver adapters) only the index,
// which Prisma names <Model>_<field>_key.
function uniqueFields(error: unknown): string[] {
  const meta = (error as UniqueViolation).meta;
  if (meta?.target) return [meta.target].flat();
  const constraint = meta?.driverAdapterError?.cause?.constraint;
  if (constraint?.fields) return constraint.fields;
  const match = constraint?.index && meta?.modelName ? new RegExp(`^${meta.modelName}_(.+)_key$`).exec(constraint.index) : null;
  return match?.[1] ? match[1].split("_") : [];
}

/** The database is away (restarting, unreachable): nothing was changed, and clients may retry. */
export function databaseUnavailableResponse(headers: Record<string, string> = {}): Response {
  return errorResponse(
    503,
    "database_unavailable",
    "The database is unavailable for a moment; nothing was changed. Try again shortly.",
    undefined,
    {
      "retry-after": String(RETRY_AFTER_SECONDS),
      "cache-control": "no-store",
      ...headers,
    },
  );
}

type DatabaseRefusal = { meta?: { driverAdapterError?: { cause?: { code?: string } } } };

/**
 * PostgreSQL cannot store U+0000 in text (22021) or JSON (22P05), whatever field, id or slug it
 * arrives in; the statement fails and its transaction rolls back. That is the caller's input, not
 * our fault: a 400, not a 500.
 */
export function unstorableTextError(error: unknown): AppError | null {
  const code = (error as DatabaseRefusal)?.meta?.driverAdapterError?.cause?.code;
  return code === "22021" || code === "22P05"
    ? new AppError(400, "invalid_request", "Text cannot contain the NUL character (U+0000).")
    : null;
}

/** One error shape for every route: { error: { code, message, details? } }. */
export function toErrorResponse(error: unknown): Response {
  error = unstorableTextError(error) ?? error;
  if (error instanceof AppError) return errorResponse(error.status, error.code, error.message, error.details);
  if (error instanceof z.ZodError) {
    return errorResponse(400, "invalid_request", "Some fields need attention.", {
      fields: error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message })),
    });
  }
  const code = (error as PrismaLikeError)?.code;
  if (code === "P2002") {
    return errorResponse(409, "duplicate", "Another record already has this value; change it or edit that record instead.", {
      fields: uniqueFields(error).map((path) => ({ path, message: "Already in use." })),
    });
  }
  // P2025: the row changed under us; P2034: a concurrent transaction won the race.
  if (code === "P2025" || isSerializationFailure(error)) {
    return errorResponse(409, "conflict", "Someone else changed this at the same moment. Reload and try again.");
  }
  if (isDatabaseUnavailable(error)) return databaseUnavailableResponse();
  // P2028: no connection became free in time; the request did nothing and can be sent again.
  if (code === "P2028") return databaseUnavailableResponse();
  logError("unhandled error in a route", error);
  return errorResponse(500, "internal_error", "Something went wrong on our side; nothing was changed.");
}
