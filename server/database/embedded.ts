import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { SessionQueue } from "./embedded-session-queue";

/** Where the embedded PostgreSQL keeps its files when no DATABASE_URL is set. */
export function embeddedDataDir(): string {
  return path.resolve(process.env.CONTRASTE_DATA_DIR ?? ".data");
}

export type EmbeddedDatabase = { url: string; stop(): Promise<void> };

// PGlite is PostgreSQL compiled to WebAssembly. Serving it on a loopback port lets the app, the
// scripts and the tests reach it with the same driver as a real server: one data-access path.
export async function startEmbeddedDatabase(options: {
  dataDir?: string;
  port?: number;
  maxConnections?: number;
}): Promise<EmbeddedDatabase> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { PGLiteSocketServer } = await import("@electric-sql/pglite-socket");
  // The editor's figure search uses trigram indexes; PGlite loads an extension only when it opens.
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  if (options.dataDir) await mkdir(options.dataDir, { recursive: true });
  const pglite = await PGlite.create(options.dataDir, { extensions: { pg_trgm } });
  const server = new PGLiteSocketServer({
    db: pglite,
    host: "127.0.0.1",
    port: options.port ?? 0,
    maxConnections: options.maxConnections ?? 50,
  });
  shareSessionSafely(server, pglite);
  await server.start();
  return {
    url: `postgresql://postgres@${server.getServerConn()}/postgres?sslmode=disable`,
    async stop() {
      await server.stop();
      await pglite.close();
    },
  };
}

// pglite-socket keeps its queue in a field that its types do not show; each new connection takes
// the server's queue when it opens, so swapping it before start() covers every client.
function shareSessionSafely(server: object, pglite: PGlite) {
  if (!("queryQueue" in server))
    throw new Error("pglite-socket changed: it has no queryQueue to replace; see server/database/embedded-session-queue.ts");
  (server as { queryQueue: unknown }).queryQueue = new SessionQueue(pglite);
}

// While `npm start` holds the folder, other processes (db scripts) connect to its server instead of
// opening the folder a second time, which PGlite does not allow.
const runtimeFile = (dataDir: string) => path.join(dataDir, "server.json");

export async function recordRunningServer(dataDir: string, url: string): Promise<void> {
  await writeFile(runtimeFile(dataDir), JSON.stringify({ pid: process.pid, url }));
}

export async function forgetRunningServer(dataDir: string): Promise<void> {
  await rm(runtimeFile(dataDir), { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function findRunningServer(dataDir: string): Promise<string | null> {
  try {
    const { pid, url } = JSON.parse(await readFile(runtimeFile(dataDir), "utf8")) as { pid: number; url: string };
    return isAlive(pid) ? url : null;
  } catch {
    return null;
  }
}
