import type { Prisma } from "@/lib/generated/prisma/client";
import type { Database } from "./client";
import { retryingSerializationFailures } from "./retry-serialization-failures";

type Tx = Prisma.TransactionClient;

/** One entity a transaction wrote, as its change log entry describes it. */
export type EntityChange = { entityType: string; isPublic: boolean; before?: unknown; after?: unknown };

/** What a transaction changed: entities one by one, or every table at once (a restored backup). */
export type DataChange = EntityChange | { everything: true };

/**
 * Told about every transaction that recorded changes. The domain says what changed; a listener (the
 * response cache, server/cache/invalidation.ts) decides what that means for it, so lib/ knows nothing
 * of the cache.
 */
export type CommitListener = {
  /** Inside the transaction, after its work: what this writes commits with the change, or not at all. */
  beforeCommit?(tx: Tx, changes: readonly DataChange[]): Promise<void>;
  /** Once the transaction has committed, before its caller goes on. */
  afterCommit?(changes: readonly DataChange[]): void;
};

// Next.js bundles each route separately, and the web server loads its own copy of this module: the
// listeners live on globalThis, where every copy sees the same ones.
const LISTENERS_KEY = Symbol.for("contraste.commitListeners");
type GlobalWithListeners = typeof globalThis & { [LISTENERS_KEY]?: Map<string, CommitListener> };

function listeners(): Map<string, CommitListener> {
  const holder = globalThis as GlobalWithListeners;
  holder[LISTENERS_KEY] ??= new Map();
  return holder[LISTENERS_KEY];
}

/** Subscribes to every committed change, under a name: subscribing again (a reloaded module) replaces, never doubles. */
export function listenToCommits(name: string, listener: CommitListener): void {
  listeners().set(name, listener);
}

const changesByTransaction = new WeakMap<Tx, DataChange[]>();

/** Notes, inside a transaction opened by runTransaction, what its work changed. */
export function recordChange(tx: Tx, change: DataChange): void {
  const changes = changesByTransaction.get(tx);
  // A change written outside runTransaction would commit without its listeners hearing of it.
  if (!changes) throw new Error("A change is recorded inside runTransaction (lib/db/transaction.ts), whose listeners hear of it.");
  changes.push(change);
}

export type TransactionOptions = { isolationLevel?: Prisma.TransactionIsolationLevel; timeout?: number; maxWait?: number };

/**
 * The one way a domain change is written: a transaction, run again when PostgreSQL rolled it back
 * for a conflicting writer, whose recorded changes reach the commit listeners (before the commit,
 * inside it, and after).
 */
export function runTransaction<T>(db: Database, work: (tx: Tx) => Promise<T>, options?: TransactionOptions): Promise<T> {
  return retryingSerializationFailures(async () => {
    // Each attempt starts with no changes: a rolled-back attempt's changes never happened.
    const changes: DataChange[] = [];
    const result = await db.$transaction(
      async (tx) => {
        changesByTransaction.set(tx, changes);
        const value = await work(tx);
        if (changes.length) for (const listener of listeners().values()) await listener.beforeCommit?.(tx, changes);
        return value;
      },
      // In a burst of edits, wait for a free connection rather than fail after Prisma's default 2 s.
      { maxWait: 15_000, ...options },
    );
    if (changes.length) for (const listener of listeners().values()) listener.afterCommit?.(changes);
    return result;
  });
}
