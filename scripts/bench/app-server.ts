import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, openSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { TYPESCRIPT_LOADERS } from "../node-loaders";

export type RunningApp = { url: string; stop(signal?: NodeJS.Signals): Promise<void> };

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** `next build` once per run (BENCH_SKIP_BUILD=1 reuses the build already in .next). */
export function buildApp(): void {
  if (process.env.BENCH_SKIP_BUILD === "1") return;
  const result = spawnSync("npx", ["next", "build"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new Error("next build failed");
}

/**
 * Starts the production server the way `npm start` does: against `databaseUrl`, or, without one,
 * against a fresh embedded database in a temporary folder (migrated and seeded by the server).
 * `direct` runs scripts/web-server.ts itself rather than through serve.ts, so that a SIGKILL from a
 * fault test hits the server and not its parent; it needs a databaseUrl. `embeddedDataDir` keeps the
 * embedded database in a folder the caller owns (and removes), so a test can start the app on it again.
 * `ownProcessGroup` puts the server in a process group of its own, so that stop("SIGKILL") kills
 * serve.ts and its children at once, as a power cut would (Ctrl-C in a terminal then no longer reaches it).
 */
export async function startApp(
  options: {
    databaseUrl?: string;
    env?: Record<string, string>;
    direct?: boolean;
    embeddedDataDir?: string;
    ownProcessGroup?: boolean;
  } = {},
): Promise<RunningApp> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...options.env,
    PORT: String(port),
    HOSTNAME: "127.0.0.1",
    NEXT_TELEMETRY_DISABLED: "1",
    NODE_ENV: "production",
  };
  let dataDir: string | undefined;
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
  else if (options.direct) throw new Error("startApp: direct needs a databaseUrl (only serve.ts starts the embedded database)");
  else {
    delete env.DATABASE_URL;
    if (options.embeddedDataDir) env.CONTRASTE_DATA_DIR = options.embeddedDataDir;
    else env.CONTRASTE_DATA_DIR = dataDir = mkdtempSync(path.join(tmpdir(), "contraste-bench-"));
  }
  const entry = options.direct ? [path.resolve("scripts/web-server.ts")] : [path.resolve("scripts/serve.ts"), "start"];
  const child = spawn(process.execPath, [...TYPESCRIPT_LOADERS, ...entry], {
    env,
    // BENCH_APP_LOG=<file> keeps the app's JSON log (one line per request, with its time) for reading afterwards.
    stdio: ["ignore", process.env.BENCH_APP_LOG ? openSync(process.env.BENCH_APP_LOG, "a") : "ignore", "inherit"],
    detached: options.ownProcessGroup === true,
  });
  const url = `http://127.0.0.1:${port}`;
  const running: RunningApp = {
    url,
    async stop(signal = "SIGTERM") {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        // serve.ts forwards SIGTERM to its child, but nothing forwards a SIGKILL: that needs the whole group.
        if (options.ownProcessGroup) process.kill(-child.pid!, signal);
        else child.kill(signal);
        await exited;
      }
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
  // On a busy machine the first start (code loading, migrations check) can take a while.
  const startSeconds = Number(process.env.BENCH_APP_START_SECONDS ?? 180);
  const deadline = Date.now() + startSeconds * 1000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/api/ready`, { signal: AbortSignal.timeout(10_000) })).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      // The caller never gets a handle on an app that did not start: it is stopped here, not left running.
      await running.stop();
      throw new Error(`the app did not become ready within ${startSeconds} s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return running;
}
