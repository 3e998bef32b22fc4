import { format } from "node:util";
import { log } from "../lib/observability/logger";

/** Routes console output (Next.js's own included) through the JSON logger, with the request id. */
export function installJsonConsole(): void {
  console.log = (...args: unknown[]) => log("info", format(...args));
  console.info = console.log;
  console.warn = (...args: unknown[]) => log("warn", format(...args));
  console.error = (...args: unknown[]) => log("error", format(...args));
}
