import { z } from "zod";
import { ApiError } from "@/lib/client/api";

/** Messages by field path ("value", "source.url"), the first one per field. */
export type FieldErrors = Record<string, string>;

/** Translated messages by path, nested as in editor.json's "fieldErrors" (empty where the schema's own words are used). */
export type FieldMessages = { [key: string]: string | FieldMessages };

export type FieldIssue = { path: string; message: string };

function translated(messages: FieldMessages, path: string): string | undefined {
  let node: string | FieldMessages | undefined = messages;
  for (const key of path.split(".")) node = typeof node === "object" ? node[key] : undefined;
  return typeof node === "string" ? node : undefined;
}

function collect(entries: FieldIssue[], messages: FieldMessages, stripPrefix = ""): FieldErrors {
  const errors: FieldErrors = {};
  for (const { path, message } of entries) {
    const field = stripPrefix && path.startsWith(stripPrefix) ? path.slice(stripPrefix.length) : path;
    errors[field] ??= translated(messages, field) ?? message;
  }
  return errors;
}

export function fromZodIssues(issues: z.ZodError["issues"], messages: FieldMessages, stripPrefix = ""): FieldErrors {
  return collect(
    issues.map((issue) => ({ path: issue.path.join("."), message: issue.message })),
    messages,
    stripPrefix,
  );
}

const ZFieldIssues = z.object({ fields: z.array(z.object({ path: z.string(), message: z.string() })) });

/** `details.fields` of a 400 or 409 (what toErrorResponse() writes for a zod error or a duplicate value); anything else is ignored. */
export function serverFieldIssues(error: ApiError): FieldIssue[] {
  const parsed = ZFieldIssues.safeParse(error.details);
  return parsed.success ? parsed.data.fields : [];
}

/** The server's field-level complaints: `details.fields` from zod, or `details.field` from a data check. */
export function fromApiError(error: ApiError, messages: FieldMessages, stripPrefix = ""): FieldErrors {
  const details = (error.details ?? {}) as { fields?: unknown; field?: unknown };
  if (Array.isArray(details.fields)) {
    const entries = details.fields.filter(
      (entry): entry is FieldIssue => typeof entry?.path === "string" && typeof entry?.message === "string",
    );
    return collect(entries, messages, stripPrefix);
  }
  if (typeof details.field === "string") return collect([{ path: details.field, message: error.message }], messages, stripPrefix);
  return {};
}

/** One sentence for an error that belongs to no field: the translated text for its code, else the server's own. */
export function errorText(error: unknown, byCode: Record<string, string>): string {
  if (error instanceof ApiError) return byCode[error.code] ?? error.message;
  return byCode.internal_error ?? "Something went wrong.";
}
