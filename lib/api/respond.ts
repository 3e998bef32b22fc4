import { z } from "zod";
import { AppError } from "../errors";

export function jsonResponse(data: unknown, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers);
  headers.set("content-type", "application/json; charset=utf-8");
  return new Response(JSON.stringify(data), { ...init, headers });
}

export function errorResponse(status: number, code: string, message: string, details?: unknown, headers?: HeadersInit): Response {
  return jsonResponse({ error: { code, message, ...(details === undefined ? {} : { details }) } }, { status, headers });
}

type PrismaLikeError = { code?: string; name?: string };

type UniqueViolation = { meta?: { target?: string[] | string; modelName?: string; driverAdapterError?: { cause?: { constraint?: { index?: string; fields?: string[] } } } } };

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

/** One error shape for every route: { error: { code, message, details? } }. */
export function toErrorResponse(error: unknown): Response {
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
  if (code === "P2025" || code === "P2034" || code === "40001") {
    return errorResponse(409, "conflict", "Someone else changed this at the same moment. Reload and try again.");
  }
  console.error(JSON.stringify({ level: "error", message: "unhandled error in a route", error: String(error) }));
  return errorResponse(500, "internal_error", "Something went wrong on our side; nothing was changed.");
}
