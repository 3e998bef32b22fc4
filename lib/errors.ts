/** An error with an HTTP status and a stable code; the API shows it as { error: { code, message, details? } }. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const notFound = (what: string) => new AppError(404, "not_found", `${what} was not found.`);
export const forbidden = (message = "You are not allowed to do this.") => new AppError(403, "forbidden", message);
export const unauthenticated = () => new AppError(401, "unauthenticated", "Sign in or send an API token to do this.");
export const conflict = (message: string, details?: unknown) => new AppError(409, "conflict", message, details);
export const badRequest = (message: string, details?: unknown) => new AppError(400, "invalid_request", message, details);
