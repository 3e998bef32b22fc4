import { AppError } from "../errors";
import { publicError } from "./respond";

/** Runs a public GET; its errors keep the one error shape and are never cached. */
export async function handlePublicGet(run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof AppError) return publicError(error.status, error.code, error.message);
    console.error(JSON.stringify({ level: "error", message: "public API failure", error: String(error) }));
    return publicError(500, "internal_error", "Something went wrong on our side.");
  }
}
