/**
 * An error with an HTTP status and a stable code; the API shows it as { error: { code, message, details? } }.
 * The code says exactly what went wrong (`stale_version`, `own_draft_cannot_publish`): the editor shows
 * the sentence translated for that code (editor.json's "errors"), never `message`, which is the
 * API's English. Names and numbers a sentence needs go in `details.params`.
 */
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

/** What a translated sentence fills in ({status}, {slug}): kept apart from the other details a client reads. */
export type ErrorParams = Record<string, string | number>;

export const notFound = (what: string, code = "not_found") => new AppError(404, code, `${what} was not found.`);
export const forbidden = (message = "You are not allowed to do this.", code = "forbidden", details?: unknown) =>
  new AppError(403, code, message, details);
export const unauthenticated = () => new AppError(401, "unauthenticated", "Sign in or send an API token to do this.");
export const conflict = (message: string, details?: unknown, code = "conflict") => new AppError(409, code, message, details);
export const badRequest = (message: string, details?: unknown, code = "invalid_request") => new AppError(400, code, message, details);
