// npm run sources:check [-- --stale-days N --limit N --concurrency N --timeout-ms N --max-minutes N --dry-run]:
// checks that every source's address still leads to its page and records what it found.
import { parseArgs } from "node:util";
import { createDatabaseClient } from "../lib/db/client";
import { DEFAULT_TIMEOUT_MS, linkCheckUserAgent } from "../lib/sources/link-check";
import { checkSourceLinks, DEFAULT_CONCURRENCY, type CheckedSource } from "../lib/sources/link-health";
import { invalidateCacheOnCommit } from "../server/cache/invalidation";
import { withDatabase } from "../server/database/with-database";

// A running app hears when a link breaks or comes back, and drops the pages that show it.
invalidateCacheOnCommit();

const USAGE = "npm run sources:check -- [--stale-days N] [--limit N] [--concurrency N] [--timeout-ms N] [--max-minutes N] [--dry-run]";

function wholeNumber(name: string, text: string | undefined, { min, max }: { min: number; max: number }): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max) {
    console.error(`--${name} takes a whole number from ${min} to ${max}, not "${text}".\n${USAGE}`);
    process.exit(1);
  }
  return value;
}

let args;
try {
  args = parseArgs({
    options: {
      "stale-days": { type: "string" },
      limit: { type: "string" },
      concurrency: { type: "string" },
      "timeout-ms": { type: "string" },
      "max-minutes": { type: "string" },
      "dry-run": { type: "boolean" },
    },
  }).values;
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`);
  process.exit(1);
}

const maxMinutes = wholeNumber("max-minutes", args["max-minutes"], { min: 1, max: 24 * 60 });
const options = {
  staleDays: wholeNumber("stale-days", args["stale-days"], { min: 0, max: 3650 }),
  limit: wholeNumber("limit", args.limit, { min: 1, max: 1_000_000 }),
  concurrency: wholeNumber("concurrency", args.concurrency, { min: 1, max: 32 }) ?? DEFAULT_CONCURRENCY,
  timeoutMs: wholeNumber("timeout-ms", args["timeout-ms"], { min: 100, max: 120_000 }) ?? DEFAULT_TIMEOUT_MS,
  maxDurationMs: maxMinutes === undefined ? undefined : maxMinutes * 60_000,
  dryRun: args["dry-run"] ?? false,
  userAgent: linkCheckUserAgent(),
};

const describe = ({ url, result }: CheckedSource) =>
  `  ${url}\n    ${[result.statusCode ?? "", result.error ?? ""].filter(Boolean).join(" ")}${result.redirects.length ? ` via ${result.redirects.join(" → ")}` : ""}`;

const report = await withDatabase(async (url) => {
  const db = createDatabaseClient(url, Math.min(options.concurrency, 4) + 1);
  try {
    return await checkSourceLinks(db, options);
  } finally {
    await db.$disconnect();
  }
});

if (options.dryRun) console.log("Dry run: nothing was recorded.");
console.table({
  checked: report.checked,
  ok: report.ok,
  broken: report.broken,
  unverifiable: report.unverifiable,
  "newly broken": report.newlyBroken.length,
  fixed: report.fixed.length,
  ...(report.notStarted ? { "not reached (time limit)": report.notStarted } : {}),
  ...(report.discarded ? { "changed while checked (not recorded)": report.discarded } : {}),
});
if (report.newlyBroken.length) console.log(`Newly broken:\n${report.newlyBroken.map(describe).join("\n")}`);
if (report.fixed.length) console.log(`Working again:\n${report.fixed.map(({ url }) => `  ${url}`).join("\n")}`);
