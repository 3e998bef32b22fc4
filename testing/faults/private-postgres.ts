import { execFile, execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { promisify } from "node:util";

export type PrivatePostgres = { url: string; stop(): Promise<void>; start(): Promise<void>; remove(): void };

/**
 * A PostgreSQL cluster of its own (Debian's pg_createcluster, trust auth on 127.0.0.1), so a test
 * can stop and start it without touching the server other tests use. Needs root, as CI has.
 */
export function createPrivatePostgres(port: number): PrivatePostgres {
  if (process.getuid?.() !== 0) throw new Error("The PostgreSQL restart test manages its own cluster and must run as root (CI does).");
  const version = process.env.PG_VERSION || "15";
  const name = `contraste_faults_${randomBytes(3).toString("hex")}`;
  const run = (command: string, args: string[]) => execFileSync(command, args, { stdio: ["ignore", "ignore", "pipe"] });
  run("pg_createcluster", [version, name, "--port", String(port), "--", "--auth=trust"]);
  const ctlArgs = (action: string, ...extra: string[]) => ["--skip-systemctl-redirect", version, name, action, ...extra];
  run("pg_ctlcluster", ctlArgs("start"));
  // Asynchronous, so the requests under test keep flowing while the server stops and starts.
  const ctl = async (action: string, ...extra: string[]) => void (await promisify(execFile)("pg_ctlcluster", ctlArgs(action, ...extra)));
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    stop: () => ctl("stop", "-m", "fast"),
    start: () => ctl("start"),
    remove: () => run("pg_dropcluster", ["--stop", version, name]),
  };
}
