import { databaseUnavailableResponse, unstorableTextError } from "../api/respond";
import { AppError } from "../errors";
import { isDatabaseUnavailable } from "../db/transient-errors";
import { logError } from "../observability/logger";
import { publicError } from "./respond";

// PostgreSQL refuses text with a NUL character (22021, 22P05). The reads sent straight through pg
// (lib/db/sql.ts) carry its code on the error itself; through Prisma it arrives wrapped (unstorableTextError).
const NUL_TEXT_CODES = new Set(["22021", "22P05"]);
const refusedNulText = (error: unknown): AppError | null =>
  NUL_TEXT_CODES.has(String((error as { code?: unknown } | null)?.code))
    ? new AppError(400, "invalid_request", "Text cannot contain the NUL character (U+0000).")
    : null;

/** Runs a public GET; its errors keep the one error shape and are never cached. */
export async function handlePublicGet(run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (thrown) {
    const error = unstorableTextError(thrown) ?? refusedNulText(thrown) ?? thrown;
    if (error instanceof AppError) return publicError(error.status, error.code, error.message);
    if (isDatabaseUnavailable(error)) return databaseUnavailableResponse({ "access-control-allow-origin": "*" });
    logError("public API failure", error);
    return publicError(500, "internal_error", "Something went wrong on our side.");
  }
}
