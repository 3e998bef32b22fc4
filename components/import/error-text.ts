import { ApiError } from "@/components/editor/api";
import { fill } from "./format";
import type { ImportMessages } from "./messages";

/** One sentence for any failed call; the server's own reason (in English) when it gave one. */
export function errorText(error: unknown, messages: ImportMessages["errors"], locale: string): string {
  if (!(error instanceof ApiError)) return fill(messages.generic, { message: String(error) }, locale);
  if (error.status === 0) return messages.network;
  if (error.status === 401) return messages.unauthenticated;
  if (error.status === 403) return messages.forbidden;
  if (error.status === 413) return messages.tooLarge;
  const fields = (error.details as { fields?: { path: string; message: string }[] } | undefined)?.fields ?? [];
  const reasons = [error.message, ...fields.map((field) => `${field.path}: ${field.message}`)].join(" ");
  return fill(messages.generic, { message: reasons }, locale);
}
