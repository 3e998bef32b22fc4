import { databaseUnavailableResponse, unstorableTextError } from "../api/respond";
import { AppError } from "../errors";
import { isDatabaseUnavailable } from "../db/transient-errors";
import { logError } from "../observability/logger";
import { publicError } from "./respond";

/** Runs a public GET; its errors keep the one error shape and are never cached. */
export async function handlePublicGet(run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (thrown) {
    const error = unstorableTextError(thrown) ?? thrown;
    if (error instanceof AppError) return publicError(error.status, error.code, error.message);
    if (isDatabaseUnavailable(error)) return databaseUnavailableResponse({ "access-control-allow-origin": "*" });
    logError("public API failure", error);
    return publicError(500, "internal_error", "Something went wrong on our side.");
  }
}
