// The production web server: Next.js behind Contraste's request pipeline (request ids, JSON logs,
// public response cache, database guard), in one process. Started by scripts/serve.ts (npm start).
import nextModule from "next";
import { EVERYTHING, sharedResponseCache } from "../server/cache/response-cache";
import { installJsonConsole } from "../server/json-console";
import { trustedProxyCount } from "../lib/api/client-address";
import { log } from "../lib/observability/logger";
import { watchDatabase, type DatabaseWatch } from "../server/database-watch";
import { directAnswer } from "../server/direct-answers";
import { closeGracefully, createWebServer, listenHostname } from "../server/web-server";

installJsonConsole();
const port = Number(process.env.PORT ?? 3000);
const hostname = listenHostname();

// `next` is CommonJS; under ESM its factory can arrive wrapped in a default export.
const createNextApp = ((nextModule as unknown as { default?: typeof nextModule }).default ?? nextModule) as typeof nextModule;
const app = createNextApp({ dev: false, dir: process.cwd(), hostname, port });
await app.prepare();
const nextHandler = app.getRequestHandler();

const cache = process.env.CONTRASTE_CACHE === "off" ? undefined : sharedResponseCache();
// The embedded database cannot pass notifications between connections, and lives in the parent process.
let watch: DatabaseWatch | undefined;
if (process.env.DATABASE_URL && !process.env.CONTRASTE_EMBEDDED_DB) {
  watch = watchDatabase(process.env.DATABASE_URL, {
    onChange: (tags) => cache?.invalidate(tags),
    onDown: (reason) => log("warn", "database unreachable; answering 503 to what the cache cannot serve", { reason }),
    // Changes committed while we were not listening were not heard: start the cache afresh.
    onUp: () => {
      cache?.invalidate([EVERYTHING]);
      log("info", "database connection up");
    },
  });
}

const server = createWebServer({
  next: (req, res) => nextHandler(req, res),
  cache,
  publicOrigin: process.env.CONTRASTE_PUBLIC_URL ? new URL(process.env.CONTRASTE_PUBLIC_URL).origin : undefined,
  databaseIsUp: watch ? () => watch.isUp() : undefined,
  trustedProxies: trustedProxyCount(),
  direct: directAnswer,
});
server.listen(port, hostname, () => {
  log("info", "listening", { url: `http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}`, cache: Boolean(cache) });
  // Under npm start, tells the supervisor (scripts/serve.ts) that this configuration works, so a later crash is restarted.
  process.send?.("listening");
});

let closing = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    log("info", "shutting down: finishing requests in flight", { signal });
    void closeGracefully(server)
      .then(() => watch?.stop())
      .finally(() => process.exit(0));
  });
}
