import { embeddedDataDir, findRunningServer, startEmbeddedDatabase } from "./embedded";

/**
 * Runs `work` against DATABASE_URL or, without one, against the embedded database in `.data/`
 * (through the running app's server if there is one, else opened for the duration of `work`).
 */
export async function withDatabase<T>(work: (databaseUrl: string) => Promise<T>): Promise<T> {
  if (process.env.DATABASE_URL) return work(process.env.DATABASE_URL);
  const dataDir = embeddedDataDir();
  const running = await findRunningServer(dataDir);
  if (running) return work(running);
  const embedded = await startEmbeddedDatabase({ dataDir });
  try {
    return await work(embedded.url);
  } finally {
    await embedded.stop();
  }
}
