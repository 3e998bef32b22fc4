import { currentRequestId } from "./request-context";

type Level = "info" | "warn" | "error";

// Never written to the log, whatever their nesting: credentials and session identifiers.
const SECRET_KEY = /pass(word)?|secret|token|authorization|cookie|session|api[-_]?key/i;

export function redact(value: unknown, depth = 0): unknown {
  // Connection strings in error messages: keep the user and host, drop the password.
  if (typeof value === "string") return value.replace(/(\w+:\/\/[^:/@\s]+:)[^@\s]+@/g, "$1[redacted]@");
  if (depth > 6 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [key, SECRET_KEY.test(key) ? "[redacted]" : redact(inner, depth + 1)]),
  );
}

/** One JSON object per line, with the request's id when there is one. */
export function formatLogLine(level: Level, message: string, fields: Record<string, unknown> = {}): string {
  const requestId = currentRequestId();
  return JSON.stringify({
    time: new Date().toISOString(),
    level,
    message: redact(message),
    ...(requestId ? { requestId } : {}),
    ...(redact(fields) as object),
  });
}

export function log(level: Level, message: string, fields: Record<string, unknown> = {}): void {
  const line = formatLogLine(level, message, fields);
  if (level === "error") process.stderr.write(`${line}\n`);
  else process.stdout.write(`${line}\n`);
}

export function logError(message: string, error: unknown): void {
  log("error", message, {
    error: error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : String(error),
  });
}
