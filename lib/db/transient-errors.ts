// Errors that mean "the database cannot be reached right now", however they arrive: from pg
// directly, through Prisma's driver adapter, or as Prisma's own connection codes.
const UNAVAILABLE_CODES = new Set([
  "P1001", // can't reach the database server
  "P1002", // timed out reaching it
  "P1008", // operation timed out
  "P1017", // server closed the connection
  "57P01", // admin shutdown
  "57P02", // crash shutdown
  "57P03", // cannot connect now (starting up or shutting down)
  "08000",
  "08001",
  "08003",
  "08006",
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
]);

const UNAVAILABLE_MESSAGE =
  /ECONNREFUSED|ECONNRESET|Connection terminated|terminating connection|the database system is (starting up|shutting down|in recovery mode)|Can't reach database|Connection closed|Client has encountered a connection error|timeout exceeded when trying to connect/i;

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 5) return false;
  const candidate = error as {
    code?: unknown;
    message?: unknown;
    cause?: unknown;
    meta?: { driverAdapterError?: unknown };
    kind?: unknown;
    originalCode?: unknown;
  };
  for (const code of [candidate.code, candidate.originalCode, candidate.kind]) {
    if (typeof code === "string" && UNAVAILABLE_CODES.has(code)) return true;
  }
  if (typeof candidate.message === "string" && UNAVAILABLE_MESSAGE.test(candidate.message)) return true;
  return isDatabaseUnavailable(candidate.cause, depth + 1) || isDatabaseUnavailable(candidate.meta?.driverAdapterError, depth + 1);
}

/** How long clients should wait before retrying while the database is away. */
export const RETRY_AFTER_SECONDS = 5;

/** PostgreSQL's 40001, as Prisma reports it (P2034) or as its driver adapter passes it on. */
export function isSerializationFailure(error: unknown): boolean {
  type Cause = { originalCode?: string; kind?: string };
  const candidate = error as { code?: string; message?: string; cause?: Cause; meta?: { driverAdapterError?: { cause?: Cause } } };
  const causes = [candidate?.cause, candidate?.meta?.driverAdapterError?.cause];
  return (
    candidate?.code === "P2034" ||
    candidate?.code === "40001" ||
    candidate?.message === "TransactionWriteConflict" ||
    causes.some((cause) => cause?.originalCode === "40001" || cause?.kind === "TransactionWriteConflict")
  );
}
