import type { z } from "zod";
import type { FieldSpec } from "./entities";

// A form holds every field as text under its schema path ("producer.name"); these convert between
// that and the nested input the schema checks, and collect messages per field. A multi-select holds
// its chosen values one per line; a checkbox holds "true" or "".

export type FormValues = Record<string, string>;
/** The first message for each field, by schema path. */
export type FieldErrors = Record<string, string>;

/** Record values (as lib/reference/record.ts loads them) → the form's text fields; null becomes "". */
export function toFormValues(fields: readonly FieldSpec[], record: unknown): FormValues {
  const values: FormValues = {};
  for (const field of fields) {
    let node: unknown = record;
    for (const key of field.name.split(".")) node = node && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined;
    values[field.name] = typeof node === "string" ? node : Array.isArray(node) ? node.join("\n") : node === true ? "true" : "";
  }
  return values;
}

/**
 * A stored record as its edit form starts from: its fields as text, and the version they were read
 * at, which the form sends back with the edit so that one saved meanwhile is a 409, never overwritten.
 */
export type FormRecord = { id: string; version: number; values: FormValues };

export const toFormRecord = (fields: readonly FieldSpec[], record: { id: string; version: number; values: unknown }): FormRecord => ({
  id: record.id,
  version: record.version,
  values: toFormValues(fields, record.values),
});

/** What the fields hold now, read from the submitted form. */
export const readForm = (fields: readonly FieldSpec[], data: FormData): FormValues =>
  Object.fromEntries(
    fields.map((field) => [
      field.name,
      field.control === "multiselect" ? data.getAll(field.name).map(String).join("\n") : String(data.get(field.name) ?? ""),
    ]),
  );

export const initialValues = (fields: readonly FieldSpec[]): FormValues =>
  Object.fromEntries(fields.map((field) => [field.name, field.initial ?? ""]));

/** The form's text fields → the nested object the schema and the route expect. An empty optional field is null. */
export function toInput(fields: readonly FieldSpec[], values: FormValues): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const field of fields) {
    const keys = field.name.split(".");
    const last = keys.pop()!;
    let parent = input;
    for (const key of keys) parent = (parent[key] ??= {}) as Record<string, unknown>;
    const text = values[field.name] ?? "";
    if (field.control === "multiselect") parent[last] = text.split("\n").filter(Boolean);
    else if (field.control === "checkbox") parent[last] = text === "true";
    else parent[last] = field.optional && text.trim() === "" ? null : text;
  }
  return input;
}

/** Messages from the form's own check or the server's `details.fields`, translated where the locale has words for that field. */
export function collectErrors(entries: { path: string; message: string }[], translated: Record<string, string>): FieldErrors {
  const errors: FieldErrors = {};
  for (const { path, message } of entries) {
    // The PATCH routes nest the record under "data"; the POST routes do not.
    const field = path.startsWith("data.") ? path.slice("data.".length) : path;
    errors[field] ??= translated[field] ?? message;
  }
  return errors;
}

export const issuesOf = (error: z.ZodError) => error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
