import type { PGlite } from "@electric-sql/pglite";

// PGlite is one PostgreSQL session; pglite-socket lets many clients share it by queueing their
// protocol messages. Its own queue keeps a client's messages together only inside a transaction, so
// between one client's Parse and its Bind another client's Parse could replace the unnamed statement
// ("bind message supplies 2 parameters, but prepared statement requires 5"), and rows went to the
// wrong query. This queue gives the session to one client from its first extended-protocol message
// to its Sync, and for the whole of a transaction; other clients wait their turn.

type QueuedMessage = {
  clientId: number;
  message: Uint8Array;
  onData: (data: Uint8Array) => void;
  resolve: (bytesSent: number) => void;
  reject: (error: unknown) => void;
};

const MESSAGE_TYPE = { parse: 0x50, bind: 0x42, describe: 0x44, execute: 0x45, close: 0x43, flush: 0x48, sync: 0x53, query: 0x51 };
const MID_EXCHANGE = new Set([
  MESSAGE_TYPE.parse,
  MESSAGE_TYPE.bind,
  MESSAGE_TYPE.describe,
  MESSAGE_TYPE.execute,
  MESSAGE_TYPE.close,
  MESSAGE_TYPE.flush,
]);
const SYNC_MESSAGE = new Uint8Array([MESSAGE_TYPE.sync, 0, 0, 0, 4]);

/** Same shape as pglite-socket's internal QueryQueueManager, which it replaces. */
export class SessionQueue {
  private queue: QueuedMessage[] = [];
  private owner: number | null = null;
  private ownerMidExchange = false;
  private draining = false;

  constructor(private readonly db: PGlite) {}

  enqueue(clientId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    return new Promise((resolve, reject) => {
      this.queue.push({ clientId, message, onData, resolve, reject });
      void this.drain();
    });
  }

  getQueueLength(): number {
    return this.queue.length;
  }

  clearQueueForHandler(clientId: number): void {
    this.queue = this.queue.filter((queued) => {
      if (queued.clientId !== clientId) return true;
      queued.reject(new Error("Client disconnected"));
      return false;
    });
  }

  /** A client that leaves mid-exchange or mid-transaction must not leave the shared session in that state. */
  async clearTransactionIfNeeded(clientId: number): Promise<void> {
    if (this.owner !== clientId) return;
    if (this.ownerMidExchange) await this.db.runExclusive(() => this.db.execProtocolRaw(SYNC_MESSAGE));
    // exec takes PGlite's query lock itself, so it runs outside runExclusive.
    if (this.db.isInTransaction()) await this.db.exec("ROLLBACK");
    this.owner = null;
    this.ownerMidExchange = false;
    void this.drain();
  }

  private nextMessage(): QueuedMessage | undefined {
    if (this.owner === null) return this.queue.shift();
    const index = this.queue.findIndex((queued) => queued.clientId === this.owner);
    return index === -1 ? undefined : this.queue.splice(index, 1)[0];
  }

  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      for (let next = this.nextMessage(); next; next = this.nextMessage()) await this.run(next);
    } finally {
      this.draining = false;
    }
  }

  private async run(queued: QueuedMessage): Promise<void> {
    let bytesSent = 0;
    try {
      await this.db.runExclusive(() =>
        this.db.execProtocolRawStream(queued.message, {
          onRawData: (data) => {
            bytesSent += data.length;
            queued.onData(data);
          },
        }),
      );
    } catch (error) {
      queued.reject(error);
      return;
    } finally {
      this.updateOwner(queued);
    }
    queued.resolve(bytesSent);
  }

  private updateOwner({ clientId, message }: QueuedMessage): void {
    this.ownerMidExchange = MID_EXCHANGE.has(message[0] ?? 0);
    this.owner = this.ownerMidExchange || this.db.isInTransaction() ? clientId : null;
  }
}
