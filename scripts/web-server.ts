// The production web server: Next.js behind Contraste's public response cache, in one process.
// Started by scripts/serve.ts (npm start) with DATABASE_URL set.
import { createServer } from "node:http";
import nextModule from "next";
import { createCachingHandler } from "../lib/cache/caching-handler";
import { listenForInvalidations } from "../lib/cache/invalidation-listener";
import { sharedResponseCache } from "../lib/cache/response-cache";

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME ?? "0.0.0.0";
const log = (message: string) => console.log(message);

// `next` is CommonJS; under ESM its factory can arrive wrapped in a default export.
const createNextApp = ((nextModule as unknown as { default?: typeof nextModule }).default ?? nextModule) as typeof nextModule;
const app = createNextApp({ dev: false, dir: process.cwd(), hostname, port });
await app.prepare();
const nextHandler = app.getRequestHandler();

const cacheEnabled = process.env.CONTRASTE_CACHE !== "off";
// The embedded database cannot pass notifications between connections, and serves one process anyway.
const listener = cacheEnabled && process.env.DATABASE_URL && !process.env.CONTRASTE_EMBEDDED_DB ? listenForInvalidations(process.env.DATABASE_URL, log) : undefined;
const handler = cacheEnabled ? createCachingHandler((req, res) => nextHandler(req, res), sharedResponseCache()) : (req: Parameters<typeof nextHandler>[0], res: Parameters<typeof nextHandler>[1]) => nextHandler(req, res);

const server = createServer((req, res) => void handler(req, res));
server.listen(port, hostname, () => log(`Contraste is listening on http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}${cacheEnabled ? "" : " (response cache off)"}`));

// Stop accepting, let requests in flight finish, then leave.
let closing = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    server.close(() => {
      void listener?.stop().finally(() => process.exit(0));
    });
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 10_000).unref();
  });
}
