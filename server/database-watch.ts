import pg from "pg";
import { INVALIDATION_CHANNEL } from "./cache/invalidation";

export type DatabaseWatch = { isUp(): boolean; stop(): Promise<void> };

/**
 * Keeps one connection open to the database, LISTENing for committed changes. Its loss is the
 * first sign that the database went away; reconnecting (every second) is the sign it is back.
 */
export function watchDatabase(
  databaseUrl: string,
  handlers: { onChange(tags: string[]): void; onDown(reason: string): void; onUp(): void },
): DatabaseWatch {
  let client: pg.Client | undefined;
  // Until the first attempt fails, requests are let through: the app checked the database at start.
  let state: "starting" | "up" | "down" = "starting";
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;

  const lost = (reason: string) => {
    if (stopped) return;
    client = undefined;
    if (state !== "down") {
      state = "down";
      handlers.onDown(reason);
    }
    if (!retry) {
      retry = setTimeout(() => {
        retry = undefined;
        void connect();
      }, 1000);
    }
  };

  const connect = async () => {
    const next = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 2000 });
    next.on("notification", (message) => {
      if (message.channel === INVALIDATION_CHANNEL && message.payload) handlers.onChange(message.payload.split(" "));
    });
    next.on("error", (error) => lost(error.message));
    next.on("end", () => lost("connection ended"));
    try {
      await next.connect();
      await next.query(`LISTEN ${INVALIDATION_CHANNEL}`);
      client = next;
      state = "up";
      handlers.onUp();
    } catch (error) {
      await next.end().catch(() => {});
      lost((error as Error).message);
    }
  };

  void connect();
  return {
    isUp: () => state !== "down",
    async stop() {
      stopped = true;
      if (retry) clearTimeout(retry);
      await client?.end().catch(() => {});
    },
  };
}
