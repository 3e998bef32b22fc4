import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { freePort } from "@/scripts/bench/app-server";

export type AppProcess = { url: string; process: ChildProcess; stop(signal?: NodeJS.Signals): Promise<void> };

/** The production server (`npm start` with DATABASE_URL), as its own process the test can kill. */
export async function startAppProcess(databaseUrl: string): Promise<AppProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // tsx as a loader, not its CLI: one process, so killing it kills the server itself.
  const child = spawn(process.execPath, ["--import", "tsx", path.resolve("scripts/web-server.ts")], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOSTNAME: "127.0.0.1", NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  for (let tries = 0; ; tries += 1) {
    if (child.exitCode !== null) throw new Error(`the app exited with ${child.exitCode}`);
    if ((await fetch(`${url}/api/ready`).catch(() => null))?.ok) break;
    if (tries > 240) throw new Error("the app did not become ready in 60 s");
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    url,
    process: child,
    async stop(signal = "SIGTERM") {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill(signal);
      await exited;
    },
  };
}

/** Creates the first admin through the setup page's endpoint and returns its session cookie. */
export async function firstAdminCookie(url: string): Promise<string> {
  const setup = await fetch(`${url}/api/editor/setup`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: "faults@example.org", displayName: "Fault Tester", password: "a long enough password" }),
  });
  if (setup.status !== 201) throw new Error(`setup answered ${setup.status}: ${await setup.text()}`);
  return setup.headers.get("set-cookie")!.split(";")[0]!;
}
