// npm start / npm run dev: runs Next.js against DATABASE_URL or, when it is unset, against an
// embedded PostgreSQL kept in .data/ (migrated and seeded on first start).
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { embeddedDataDir, forgetRunningServer, recordRunningServer, startEmbeddedDatabase, type EmbeddedDatabase } from "../lib/db/embedded";
import { prepareDatabase } from "../lib/db/prepare";

const nextCommand = process.argv[2] === "dev" ? "dev" : "start";
let embedded: EmbeddedDatabase | undefined;
const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

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
    : ["--import", "tsx", fileURLToPath(new URL("./web-server.ts", import.meta.url))];
const child = spawn(process.execPath, command, { env: { ...env, NODE_ENV: nextCommand === "dev" ? "development" : "production" }, stdio: "inherit" });

async function shutdown(code: number) {
  if (embedded) {
    await embedded.stop();
    await forgetRunningServer(embeddedDataDir());
  }
  process.exit(code);
}
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => child.kill(signal));
}
child.on("exit", (code, signal) => void shutdown(code ?? (signal ? 0 : 1)));
