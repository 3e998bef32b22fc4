// npm start / npm run dev: runs Next.js against DATABASE_URL or, when it is unset, against an
// embedded PostgreSQL kept in .data/ (migrated and seeded on first start).
//
// Under npm start this process also supervises the web server: the web server runs as a child
// process, and when it dies (out of heap, an uncaught exception, the kernel's OOM killer) it is
// started again after a short pause while this process, and the embedded database in it, stay up.
// Nothing acknowledged is lost: every write is committed before its answer is sent, and a
// connection that dies mid-transaction is rolled back by the database.
import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import {
  embeddedDataDir,
  forgetRunningServer,
  recordRunningServer,
  startEmbeddedDatabase,
  type EmbeddedDatabase,
} from "../server/database/embedded";
import { prepareDatabase } from "../server/database/prepare";
import { log } from "../lib/observability/logger";
import { TYPESCRIPT_LOADERS } from "./node-loaders";

const nextCommand = process.argv[2] === "dev" ? "dev" : "start";
let embedded: EmbeddedDatabase | undefined;
const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

// A runaway request should end the web server at a known size, soon, rather than swap the machine
// for minutes first; the supervisor then starts it again.
const heapMegabytes = z.coerce
  .number()
  .int()
  .min(256)
  .default(1024)
  .parse(process.env.CONTRASTE_WEB_MAX_HEAP_MB || undefined);

if (!process.env.DATABASE_URL) {
  const dataDir = embeddedDataDir();
  console.log(`No DATABASE_URL: using the embedded PostgreSQL in ${dataDir}`);
  embedded = await startEmbeddedDatabase({ dataDir, port: Number(process.env.CONTRASTE_EMBEDDED_DB_PORT ?? 0) });
  await recordRunningServer(dataDir, embedded.url);
  await prepareDatabase(embedded.url);
  env.DATABASE_URL = embedded.url;
  env.CONTRASTE_EMBEDDED_DB = "1";
  env.CONTRASTE_DB_POOL_SIZE ??= "5";
}

const resolve = createRequire(import.meta.url).resolve;
// Production runs Next.js inside Contraste's own server (scripts/web-server.ts), which adds the public response cache.
const command =
  nextCommand === "dev"
    ? [resolve("next/dist/bin/next"), "dev"]
    : [
        ...(/max-old-space-size/.test(process.env.NODE_OPTIONS ?? "") ? [] : [`--max-old-space-size=${heapMegabytes}`]),
        ...TYPESCRIPT_LOADERS,
        fileURLToPath(new URL("./web-server.ts", import.meta.url)),
      ];

// Restart pauses double from a quarter of a second up to half a minute, and start again from the
// shortest once the web server has stayed up for a minute: a crash loop cannot spin the processor.
const FIRST_PAUSE_MS = 250;
const LONGEST_PAUSE_MS = 30_000;
const STAYED_UP_MS = 60_000;

let child: ChildProcess;
let startedAt = 0;
let starts = 0;
let crashesInARow = 0;
// A web server that dies before it ever listened is misconfigured (no build, port taken), not
// crashed: npm start then fails as it always did, instead of retrying for ever. It says it listens
// over the IPC channel (scripts/web-server.ts).
let hasListened = false;
let stopping = false;
let restartTimer: NodeJS.Timeout | undefined;

function startWebServer() {
  starts += 1;
  startedAt = Date.now();
  child = spawn(process.execPath, command, {
    env: { ...env, NODE_ENV: nextCommand === "dev" ? "development" : "production" },
    stdio: ["inherit", "inherit", "inherit", "ipc"],
  });
  child.on("message", (message) => {
    if (message === "listening") hasListened = true;
  });
  if (nextCommand === "start")
    log("info", "web server started", {
      pid: child.pid,
      start: starts,
      maxHeapMegabytes: command[0]?.startsWith("--max-old") ? heapMegabytes : undefined,
    });
  child.on("exit", onWebServerExit);
}

function onWebServerExit(code: number | null, signal: NodeJS.Signals | null) {
  const upForMs = Date.now() - startedAt;
  const crashed = code !== 0;
  if (stopping || !crashed || nextCommand === "dev" || !hasListened) {
    void shutdown(code ?? (signal ? 0 : 1));
    return;
  }
  crashesInARow = upForMs > STAYED_UP_MS ? 1 : crashesInARow + 1;
  const pauseMs = Math.min(LONGEST_PAUSE_MS, FIRST_PAUSE_MS * 2 ** (crashesInARow - 1));
  log("error", "web server exited; starting it again", { code, signal, upForMs, crashesInARow, restartInMs: pauseMs });
  restartTimer = setTimeout(startWebServer, pauseMs);
}

async function shutdown(code: number) {
  if (embedded) {
    await embedded.stop();
    await forgetRunningServer(embeddedDataDir());
  }
  process.exit(code);
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    stopping = true;
    clearTimeout(restartTimer);
    // Between a crash and its restart there is no web server to wait for.
    if (child.exitCode !== null || child.signalCode !== null) void shutdown(0);
    else child.kill(signal);
  });
}

startWebServer();
