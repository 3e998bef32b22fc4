import { createTranslator, useLocale, useTranslations } from "next-intl";
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

/** The code whose sentence stands in for a specific code that has none: the kind of refusal its status says. */
function kindOf(error: ApiError): string {
  if (error.status === 0) return "network";
  const kinds: Record<number, string> = {
    400: "invalid_request",
    401: "unauthenticated",
    403: "forbidden",
    404: "not_found",
    409: "conflict",
    413: "payload_too_large",
    429: "too_many_attempts",
    503: "database_unavailable",
  };
  return kinds[error.status] ?? "internal_error";
}

const ZParams = z.object({ params: z.record(z.string(), z.union([z.string(), z.number()])) });

/**
 * One sentence for an error that belongs to no field, in the reader's language: the translation for its
 * code (an ICU message filled from `details.params`), else the one for its kind (403, 409…), else the
 * general one. The server's own message is English and is never shown.
 */
export function errorText(error: unknown, byCode: Record<string, string>, locale = "es"): string {
  const general =
    byCode.internal_error ?? (locale === "en" ? "Something went wrong; nothing was changed." : "Algo falló; no se cambió nada.");
  const code = error instanceof ApiError ? [error.code, kindOf(error)].find((candidate) => candidate in byCode) : undefined;
  if (!code) return general;
  const kind = error instanceof ApiError ? (byCode[kindOf(error)] ?? general) : general;
  const parsed = error instanceof ApiError ? ZParams.safeParse(error.details) : null;
  const translate = createTranslator({
    locale,
    messages: { errors: { [code]: byCode[code]! } },
    namespace: "errors",
    // A sentence whose value the server did not send: the sentence for its kind rather than a broken one.
    onError: () => {},
    getMessageFallback: () => kind,
  });
  return translate(code, parsed?.success ? parsed.data.params : {});
}

/**
 * errorText with the editor's shared translations (editor.json "errors"), in the page's language;
 * `byCode` adds or overrides sentences for one workspace.
 */
export function useErrorText(byCode: Record<string, string> = {}) {
  const shared = useTranslations("editor").raw("errors") as Record<string, string>;
  const locale = useLocale();
  return (error: unknown) => errorText(error, { ...shared, ...byCode }, locale);
}
