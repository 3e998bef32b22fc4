import type { z } from "zod";
import { ApiError } from "./api";

/** Messages by field path ("value", "source.url"), the first one per field. */
export type FieldErrors = Record<string, string>;

/** Translated messages by path, nested as in editor.json's "fieldErrors" (empty where the schema's own words are used). */
export type FieldMessages = { [key: string]: string | FieldMessages };

function translated(messages: FieldMessages, path: string): string | undefined {
  let node: string | FieldMessages | undefined = messages;
  for (const key of path.split(".")) node = typeof node === "object" ? node[key] : undefined;
  return typeof node === "string" ? node : undefined;
}

function collect(entries: { path: string; message: string }[], messages: FieldMessages, stripPrefix = ""): FieldErrors {
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

/** The server's field-level complaints: `details.fields` from zod, or `details.field` from a data check. */
export function fromApiError(error: ApiError, messages: FieldMessages, stripPrefix = ""): FieldErrors {
  const details = (error.details ?? {}) as { fields?: unknown; field?: unknown };
  if (Array.isArray(details.fields)) {
    const entries = details.fields.filter(
      (entry): entry is { path: string; message: string } => typeof entry?.path === "string" && typeof entry?.message === "string",
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

/** Fills "{name}" placeholders in a message passed down from the server. */
export const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
