import { ApiError } from "@/lib/client/api";

/** The import screens' translator for "import.ui.errors" (useTranslations("import.ui.errors")). */
type ErrorsTranslator = (key: "network" | "unauthenticated" | "forbidden" | "tooLarge" | "generic", values?: { message: string }) => string;

/** One sentence for any failed call; the server's own reason (in English) when it gave one. */
export function errorText(error: unknown, t: ErrorsTranslator): string {
  if (!(error instanceof ApiError)) return t("generic", { message: String(error) });
  if (error.status === 0) return t("network");
  if (error.status === 401) return t("unauthenticated");
  if (error.status === 403) return t("forbidden");
  if (error.status === 413) return t("tooLarge");
  const fields = (error.details as { fields?: { path: string; message: string }[] } | undefined)?.fields ?? [];
  const reasons = [error.message, ...fields.map((field) => `${field.path}: ${field.message}`)].join(" ");
  return t("generic", { message: reasons });
}
