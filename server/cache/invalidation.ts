import type { Database } from "../../lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { retryingSerializationFailures } from "../../lib/db/retry-serialization-failures";
import { sharedResponseCache } from "./response-cache";

type Tx = Prisma.TransactionClient;

/** PostgreSQL channel on which every app process hears what changed, whoever changed it. */
export const INVALIDATION_CHANNEL = "contraste_public_data";

const staleByTransaction = new WeakMap<Tx, Set<string>>();

/**
 * Records, inside the writing transaction, what its change makes stale. The NOTIFY is delivered
 * only if the transaction commits, to every process listening (other app instances, or the app
 * when a script wrote); this process drops its own entries right after the commit.
 */
export async function markStale(tx: Tx, tags: string[]): Promise<void> {
  if (!tags.length) return;
  const pending = staleByTransaction.get(tx) ?? new Set<string>();
  for (const tag of tags) pending.add(tag);
  staleByTransaction.set(tx, pending);
  await tx.$executeRaw`SELECT pg_notify(${INVALIDATION_CHANNEL}, ${tags.join(" ")})`;
}

/** A transaction after whose commit the responses it made stale are gone from this process's cache. */
export function transactionInvalidating<T>(
  db: Database,
  work: (tx: Tx) => Promise<T>,
  options?: { isolationLevel?: Prisma.TransactionIsolationLevel; timeout?: number; maxWait?: number },
): Promise<T> {
  return retryingSerializationFailures(async () => {
    let usedTx: Tx | undefined;
    const result = await db.$transaction(
      (tx) => {
        usedTx = tx;
        return work(tx);
      },
      // In a burst of edits, wait for a free connection rather than fail after Prisma's default 2 s.
      { maxWait: 15_000, ...options },
    );
    const stale = usedTx && staleByTransaction.get(usedTx);
    if (stale) sharedResponseCache().invalidate(stale);
    return result;
  });
}
