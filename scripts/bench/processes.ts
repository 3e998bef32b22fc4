import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { TYPESCRIPT_LOADERS } from "../node-loaders";
import { freePort } from "./app-server";

export type RunningBaseline = { url: string; stop(): Promise<void> };

/** Runs a baseline server (scripts/bench/baselines/*.ts) in its own process, as the app runs in its own. */
export async function startBaseline(script: string, args: string[]): Promise<RunningBaseline> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [...TYPESCRIPT_LOADERS, path.resolve("scripts/bench/baselines", script), ...args, String(port)],
    {
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  await new Promise<void>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`${script} exited with ${code}`)));
    child.stdout!.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("ready")) resolve();
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    async stop() {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    },
  };
}
