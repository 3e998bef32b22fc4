// npm start / npm run dev: runs Next.js against DATABASE_URL or, when it is unset, against an
// embedded PostgreSQL kept in .data/ (migrated and seeded on first start).
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
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
  env.CONTRASTE_DB_POOL_SIZE ??= "5";
}

const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
const child = spawn(process.execPath, [nextBin, nextCommand], { env, stdio: "inherit" });

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
