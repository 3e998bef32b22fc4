import pg from "pg";
import { EVERYTHING, sharedResponseCache } from "./response-cache";
import { INVALIDATION_CHANNEL } from "./invalidation";

/**
 * Listens for changes committed by any process (other instances, import scripts). While the
 * connection is down a notification could be missed, so a reconnect clears the whole cache.
 */
export function listenForInvalidations(databaseUrl: string, log: (message: string) => void): { stop(): Promise<void> } {
  let client: pg.Client | undefined;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;

  const connect = async () => {
    const next = new pg.Client({ connectionString: databaseUrl });
    next.on("notification", (message) => {
      if (message.channel === INVALIDATION_CHANNEL) sharedResponseCache().invalidate((message.payload ?? EVERYTHING).split(" "));
    });
    next.on("error", () => reconnect());
    next.on("end", () => reconnect());
    try {
      await next.connect();
      await next.query(`LISTEN ${INVALIDATION_CHANNEL}`);
      client = next;
      sharedResponseCache().invalidate([EVERYTHING]);
    } catch (error) {
      log(`cache invalidation listener could not connect: ${(error as Error).message}`);
      await next.end().catch(() => {});
      reconnect();
    }
  };

  const reconnect = () => {
    if (stopped || retry) return;
    client = undefined;
    sharedResponseCache().invalidate([EVERYTHING]);
    retry = setTimeout(() => {
      retry = undefined;
      void connect();
    }, 1000);
  };

  void connect();
  return {
    async stop() {
      stopped = true;
      if (retry) clearTimeout(retry);
      await client?.end().catch(() => {});
    },
  };
}
